package io.smartbuilding.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartbuilding.analytics.aws.DynamoDbClientFactory;
import io.smartbuilding.analytics.rules.DynamoDbRuleStore;
import io.smartbuilding.analytics.rules.Rule;
import io.smartbuilding.analytics.rules.RuleKind;
import io.smartbuilding.contracts.alert.AlertType;
import io.smartbuilding.contracts.alert.Severity;
import io.smartbuilding.contracts.kinesis.AggregatedRecord;
import io.smartbuilding.contracts.kinesis.AggregatedRecord.UserRecord;
import io.smartbuilding.contracts.kinesis.StreamProvisioner;
import io.smartbuilding.contracts.tables.AlertTable;
import io.smartbuilding.contracts.tables.DeviceHealthTable;
import io.smartbuilding.contracts.tables.StoredTime;
import io.smartbuilding.contracts.tables.TableProvisioner;
import io.smartbuilding.contracts.tables.TableProvisioner.TableNames;
import io.smartbuilding.contracts.telemetry.DeviceType;
import io.smartbuilding.contracts.telemetry.Telemetry;
import io.smartbuilding.contracts.telemetry.TelemetryCodec;
import io.smartbuilding.contracts.testing.LocalAwsClients;
import io.smartbuilding.contracts.testing.LocalStandIns;
import io.smartbuilding.contracts.testing.LoopbackProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * The running job on kinesis-local and dynalite: (a) a rule written to the rules table changes
 * alerting without a restart, and disabling it resolves its alert; (b) an alert acknowledged
 * through the API's kind of UpdateItem stays acknowledged while its condition lasts and is then
 * resolved with the API's attributes intact.
 */
class RulesAndAcknowledgementIT {

  private static final String STREAM = "telemetry-rules-it";
  private static final TableNames TABLES = TableNames.defaults();
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
  private static final TelemetryCodec CODEC = new TelemetryCodec();

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setConfiguration(AnalyticsJob.loopbackOnly(0))
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private static LoopbackProcess kinesisLocal;
  private static LoopbackProcess dynalite;
  private static KinesisClient kinesis;
  private static DynamoDbClient dynamo;
  private static JobClient job;
  private static final AtomicLong SEQ = new AtomicLong();

  @BeforeAll
  static void start() throws Exception {
    Path work = Path.of("target/it/rules");
    kinesisLocal = LocalStandIns.kinesis(work);
    dynalite = LocalStandIns.dynamoDb(work);
    kinesis = LocalAwsClients.kinesis(kinesisLocal);
    dynamo = LocalAwsClients.dynamoDb(dynalite);
    new StreamProvisioner(kinesis).createIfMissing(STREAM, 1);
    new TableProvisioner(dynamo).createIfMissing(TABLES);
    JobConfig config =
        JobConfig.fromArgs(
            "--kinesis.stream",
            STREAM,
            "--kinesis.endpoint",
            LocalStandIns.endpoint(kinesisLocal),
            "--kinesis.poll-interval-ms",
            "50",
            "--dynamodb.endpoint",
            LocalStandIns.endpoint(dynalite),
            "--aws.access-key",
            LocalStandIns.ACCESS_KEY,
            "--aws.secret-key",
            LocalStandIns.SECRET_KEY,
            "--rules.poll-interval-seconds",
            "1",
            "--rules.offline.after-seconds",
            "3600");
    try (DynamoDbRuleStore store =
        new DynamoDbRuleStore(
            DynamoDbClientFactory.of(config.dynamoDb().aws()),
            TABLES.rules(),
            config.rules().defaultRules())) {
      store.seedIfEmpty(); // what the job's main does with dynamodb.create-tables=true
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    env.enableCheckpointing(500);
    AnalyticsJob.withConnectors(config).addTo(env);
    job = env.executeAsync("rules-it");
  }

  @AfterAll
  static void stop() throws Exception {
    if (job != null) job.cancel().get(30, TimeUnit.SECONDS);
    if (kinesis != null) kinesis.close();
    if (dynamo != null) dynamo.close();
    if (kinesisLocal != null) kinesisLocal.close();
    if (dynalite != null) dynalite.close();
  }

  @Test
  void aRuleWrittenAtRuntimeChangesAlertingAndDisablingItResolvesItsAlert() {
    String device = "b1-f2-zs-09";
    long first = put(zone(device, 85.0));
    await("the reading is processed").atMost(WAIT).until(() -> lastSeq(device) == first);
    assertThat(alertsOf(device)).as("no rule watches humidity yet").isEmpty();
    assertThat(item(TABLES.rules(), "ruleId", "OVERHEAT")).as("seeded").isPresent();

    Rule humid =
        new Rule(
            "HUMIDITY_HIGH",
            DeviceType.ZONE_SENSOR.name(),
            "humidityPct",
            RuleKind.ABOVE,
            AlertType.THRESHOLD,
            70,
            5,
            0,
            Severity.WARNING,
            true,
            "mould risk");
    dynamo.putItem(
        b -> b.tableName(TABLES.rules()).item(DynamoDbRuleStore.item(humid, Instant.now())));
    // the job polls every second: keep sending until a reading is judged by the new rule
    await("the new rule raises an alert")
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              put(zone(device, 85.0));
              return !alertsOf(device).isEmpty();
            });
    Map<String, AttributeValue> alert = alertsOf(device).get(0);
    assertThat(alert.get(AlertTable.RULE_ID).s()).isEqualTo("HUMIDITY_HIGH");
    assertThat(alert.get(AlertTable.TYPE).s()).isEqualTo("THRESHOLD");
    assertThat(alert.get(AlertTable.STATUS).s()).isEqualTo("open");
    assertThat(alert.get(AlertTable.EVIDENCE).m().get("rule").s()).contains("humidityPct above 70");

    dynamo.putItem(
        b ->
            b.tableName(TABLES.rules())
                .item(
                    DynamoDbRuleStore.item(
                        new Rule(
                            humid.ruleId(),
                            humid.deviceType(),
                            humid.metric(),
                            humid.kind(),
                            humid.alertType(),
                            humid.threshold(),
                            humid.hysteresis(),
                            humid.durationSeconds(),
                            humid.severity(),
                            false,
                            humid.description()),
                        Instant.now())));
    String id = alert.get(AlertTable.ALERT_ID).s();
    await("disabling the rule resolves the alert, with no new reading")
        .atMost(WAIT)
        .until(() -> "resolved".equals(status(id)));
    assertThat(alertsOf(device)).hasSize(1);
  }

  @Test
  void anAcknowledgementStaysWhileTheConditionLastsAndSurvivesTheResolution() {
    String device = "b1-f3-ahu-09";
    Instant opened = nextTs();
    put(air(device, opened, 65.0));
    String id = AlertTable.alertId(device, "OVERHEAT", opened.toEpochMilli());
    await("the OVERHEAT alert is open").atMost(WAIT).until(() -> "open".equals(status(id)));

    // what query-api does: one conditional UpdateItem per action
    dynamo.updateItem(
        b ->
            b.tableName(TABLES.alerts())
                .key(Map.of(AlertTable.ALERT_ID, AttributeValue.fromS(id)))
                .updateExpression(
                    "SET #status = :ack, acknowledgedBy = :by, acknowledgedAt = :at, updatedAt ="
                        + " :at, actions = list_append(if_not_exists(actions, :none), :action),"
                        + " version = :one")
                .conditionExpression("attribute_not_exists(version) OR version = :zero")
                .expressionAttributeNames(Map.of("#status", AlertTable.STATUS))
                .expressionAttributeValues(
                    Map.of(
                        ":ack", AttributeValue.fromS("acknowledged"),
                        ":by", AttributeValue.fromS("tech-1"),
                        ":at", AttributeValue.fromS(StoredTime.format(Instant.now())),
                        ":none", AttributeValue.fromL(List.of()),
                        ":action", AttributeValue.fromL(List.of(action())),
                        ":one", AttributeValue.fromN("1"),
                        ":zero", AttributeValue.fromN("0"))));

    put(air(device, nextTs(), 72.0));
    await("the job writes the hotter reading")
        .atMost(WAIT)
        .until(
            () ->
                "72"
                    .equals(
                        item(TABLES.alerts(), AlertTable.ALERT_ID, id)
                            .map(a -> a.get(AlertTable.PEAK_VALUE).n())
                            .orElse(null)));
    Map<String, AttributeValue> acknowledged =
        item(TABLES.alerts(), AlertTable.ALERT_ID, id).orElseThrow();
    assertThat(acknowledged.get(AlertTable.STATUS).s()).isEqualTo("acknowledged");
    assertThat(acknowledged.get(AlertTable.VERSION).n()).isEqualTo("1");

    Instant cooled = nextTs();
    put(air(device, cooled, 50.0));
    await("the alert resolves").atMost(WAIT).until(() -> "resolved".equals(status(id)));
    Map<String, AttributeValue> resolved =
        item(TABLES.alerts(), AlertTable.ALERT_ID, id).orElseThrow();
    assertThat(resolved.get(AlertTable.RESOLVED_AT).s()).isEqualTo(StoredTime.format(cooled));
    assertThat(resolved.get(AlertTable.ACKNOWLEDGED_BY).s()).isEqualTo("tech-1");
    assertThat(resolved.get(AlertTable.VERSION).n()).isEqualTo("1");
    assertThat(resolved.get(AlertTable.ACTIONS).l()).containsExactly(action());
    assertThat(resolved.get(AlertTable.PEAK_VALUE).n()).isEqualTo("72");
    assertThat(resolved.get(AlertTable.EVIDENCE).m().get("readings").l())
        .extracting(r -> r.m().get("value").n())
        .containsExactly("65", "72", "50");
  }

  private static AttributeValue action() {
    return AttributeValue.fromM(
        Map.of(
            "at", AttributeValue.fromS("2026-11-25T09:00:00.000Z"),
            "by", AttributeValue.fromS("tech-1"),
            "action", AttributeValue.fromS("acknowledge")));
  }

  private static Instant nextTs() {
    return T0.plusSeconds(SEQ.get() + 1);
  }

  private static Telemetry zone(String device, double humidity) {
    return new Telemetry(
        device,
        "b1",
        2,
        "f2-east",
        DeviceType.ZONE_SENSOR,
        nextTs(),
        SEQ.get() + 1,
        Map.of("humidityPct", humidity, "temperatureC", 21.0 + SEQ.get() % 3));
  }

  private static Telemetry air(String device, Instant ts, double celsius) {
    return new Telemetry(
        device,
        "b1",
        3,
        "f3-plant",
        DeviceType.AIR_HANDLER,
        ts,
        SEQ.get() + 1,
        Map.of("temperatureC", celsius));
  }

  /** Puts one reading (as a one-record KPL aggregate); returns its seq. */
  private static long put(Telemetry reading) {
    long seq = SEQ.incrementAndGet();
    byte[] aggregate =
        AggregatedRecord.encode(List.of(new UserRecord(reading.deviceId(), CODEC.encode(reading))));
    kinesis.putRecord(
        b ->
            b.streamName(STREAM)
                .partitionKey(reading.deviceId())
                .data(SdkBytes.fromByteArray(aggregate)));
    return seq;
  }

  private static long lastSeq(String device) {
    return item(TABLES.deviceHealth(), DeviceHealthTable.DEVICE_ID, device)
        .map(h -> Long.parseLong(h.get(DeviceHealthTable.LAST_SEQ).n()))
        .orElse(-1L);
  }

  private static String status(String alertId) {
    return item(TABLES.alerts(), AlertTable.ALERT_ID, alertId)
        .map(a -> a.get(AlertTable.STATUS).s())
        .orElse(null);
  }

  private static List<Map<String, AttributeValue>> alertsOf(String device) {
    return dynamo.scanPaginator(b -> b.tableName(TABLES.alerts())).items().stream()
        .filter(a -> a.get(AlertTable.DEVICE_ID).s().equals(device))
        .collect(Collectors.toList());
  }

  private static Optional<Map<String, AttributeValue>> item(String table, String key, String id) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                b ->
                    b.tableName(table)
                        .key(Map.of(key, AttributeValue.fromS(id)))
                        .consistentRead(true))
            .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
  }
}
