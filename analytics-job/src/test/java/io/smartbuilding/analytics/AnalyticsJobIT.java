package io.smartbuilding.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartbuilding.contracts.kinesis.AggregatedRecord;
import io.smartbuilding.contracts.kinesis.AggregatedRecord.UserRecord;
import io.smartbuilding.contracts.tables.AlertTable;
import io.smartbuilding.contracts.tables.StoredTime;
import io.smartbuilding.contracts.tables.BuildingTable;
import io.smartbuilding.contracts.tables.DeviceHealthTable;
import io.smartbuilding.contracts.tables.TableProvisioner.TableNames;
import io.smartbuilding.contracts.telemetry.DeviceType;
import io.smartbuilding.contracts.telemetry.Telemetry;
import io.smartbuilding.contracts.telemetry.TelemetryCodec;
import io.smartbuilding.contracts.testing.ContractExamples;
import io.smartbuilding.contracts.testing.LocalStandIns;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The whole job on a Flink MiniCluster between kinesis-local and dynalite: KPL-aggregated records
 * in, the three tables out, and a second run from TRIM_HORIZON that rewrites the same alert items.
 */
class AnalyticsJobIT {

  private static final String STREAM = "telemetry-it";
  private static final Duration OFFLINE_AFTER = Duration.ofSeconds(8);
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
  private static final String HOT = "b1-f3-ahu-07";
  private static final String CALM = "b1-f1-zs-07";

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setConfiguration(AnalyticsJob.loopbackOnly(0))
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private static JobStandIns standIns;
  private static final TelemetryCodec CODEC = new TelemetryCodec();

  private JobClient job;

  @BeforeAll
  static void startStandIns() {
    standIns = JobStandIns.start(Path.of("target/it/analytics-job"), STREAM, TableNames.defaults());
  }

  @AfterAll
  static void stopStandIns() {
    if (standIns != null) {
      standIns.close();
    }
  }

  @AfterEach
  void cancelJob() throws Exception {
    if (job != null) {
      job.cancel().get(30, TimeUnit.SECONDS);
      job = null;
    }
  }

  @Test
  void turnsAggregatedTelemetryIntoHealthAlertsAndBuildingsAndReplaysIdempotently()
      throws Exception {
    // First aggregate: the hot device climbs over the limit, a calm neighbour, one bad record and
    // the contract examples (one of them, b1-f0-ahu-01, reads 71.5 °C).
    List<byte[]> first = new ArrayList<>();
    first.add(encode(air(HOT, 1, T0, 50.0)));
    first.add(encode(air(HOT, 2, T0.plusSeconds(1), 65.0)));
    first.add(ContractExamples.invalidTelemetry().get(0).payload());
    first.add(encode(calm(1, T0)));
    first.add(encode(air(HOT, 3, T0.plusSeconds(2), 70.0)));
    first.add(encode(calm(2, T0.plusSeconds(1))));
    ContractExamples.validTelemetry().forEach(e -> first.add(e.payload()));
    putAggregate(first);

    job = start();
    String hotAlert = AlertTable.alertId(HOT, "OVERHEAT", T0.plusSeconds(1).toEpochMilli());
    await("the OVERHEAT alert is open").atMost(WAIT).until(() -> "open".equals(status(hotAlert)));
    Map<String, AttributeValue> open = alerts().get(hotAlert);
    assertThat(open.get(AlertTable.PEAK_VALUE).n()).isEqualTo("70");
    assertThat(open.get(AlertTable.OPENED_AT).s()).isEqualTo(StoredTime.format(T0.plusSeconds(1)));

    // Second aggregate: a redelivered duplicate (would open a second alert if accepted) and the
    // reading that cools the device below limit - hysteresis.
    Instant putAt = Instant.now();
    putAggregate(
        List.of(
            encode(air(HOT, 3, T0.plusSeconds(2), 70.0)),
            encode(air(HOT, 4, T0.plusSeconds(3), 55.0))));
    await("the OVERHEAT alert is resolved")
        .atMost(WAIT)
        .until(() -> "resolved".equals(status(hotAlert)));
    Duration putToResolved = Duration.between(putAt, Instant.now());
    assertThat(alerts().get(hotAlert).get(AlertTable.RESOLVED_AT).s())
        .isEqualTo(StoredTime.format(T0.plusSeconds(3)));

    Set<String> devices =
        Set.of(HOT, CALM, "b1-f2-zs-01", "b1-f0-ahu-01", "b2-f0-ch-01", "b2-f1-em-01");
    await("every device goes OFFLINE after the silence")
        .atMost(WAIT)
        .until(
            () ->
                health().values().stream()
                        .filter(h -> h.get(DeviceHealthTable.STATUS).s().equals("OFFLINE"))
                        .count()
                    == devices.size());
    Set<String> expectedAlertIds = expectedAlertIds();
    await("the OFFLINE alerts are written")
        .atMost(WAIT)
        .until(() -> alerts().keySet().equals(expectedAlertIds));

    Map<String, Map<String, AttributeValue>> health = health();
    assertThat(health.keySet()).isEqualTo(devices);
    Map<String, AttributeValue> hot = health.get(HOT);
    assertThat(hot.get(DeviceHealthTable.LAST_SEQ).n()).isEqualTo("4");
    assertThat(hot.get(DeviceHealthTable.LAST_SEEN).s()).isEqualTo(StoredTime.format(T0.plusSeconds(3)));
    assertThat(hot.get(DeviceHealthTable.METRICS).m())
        .containsEntry("temperatureC", AttributeValue.fromN("55"));
    assertThat(hot.get(DeviceHealthTable.BUILDING_ID).s()).isEqualTo("b1");

    Map<String, Map<String, AttributeValue>> buildings = buildings();
    assertThat(buildings.get("b1").get(BuildingTable.FLOORS).l())
        .extracting(AttributeValue::n)
        .containsExactly("0", "1", "2", "3");
    assertThat(buildings.get("b1").get(BuildingTable.ZONES).l())
        .extracting(AttributeValue::s)
        .containsExactly("f0-plant", "f1-east", "f2-east", "f3-plant");
    assertThat(buildings.get("b1").get(BuildingTable.DEVICE_COUNT).n()).isEqualTo("4");
    assertThat(buildings.get("b2").get(BuildingTable.DEVICE_COUNT).n()).isEqualTo("2");

    job.cancel().get(30, TimeUnit.SECONDS);
    job = null;
    Instant firstRunDone = Instant.now();
    System.out.printf("put to resolved alert item: %d ms%n", putToResolved.toMillis());

    // Second run, new state, from TRIM_HORIZON: every alert item is written again, none is added.
    job = start();
    await("the replay rewrites every alert item")
        .atMost(WAIT)
        .until(
            () ->
                alerts().values().stream()
                    .allMatch(
                        a ->
                            Instant.parse(a.get(AlertTable.UPDATED_AT).s()).isAfter(firstRunDone)));
    assertThat(alerts().keySet()).isEqualTo(expectedAlertIds);
    assertThat(status(hotAlert)).isEqualTo("resolved");
    assertThat(health().keySet()).isEqualTo(devices);
  }

  private static Set<String> expectedAlertIds() {
    Set<String> ids =
        Set.of(
                air(HOT, 4, T0.plusSeconds(3), 0),
                calm(2, T0.plusSeconds(1)),
                example("zone-sensor.json"),
                example("air-handler-overheating.json"),
                example("chiller.json"),
                example("energy-meter.json"))
            .stream()
            .map(
                last ->
                    AlertTable.alertId(
                        last.deviceId(), "OFFLINE", last.ts().plus(OFFLINE_AFTER).toEpochMilli()))
            .collect(Collectors.toSet());
    Telemetry ahu = example("air-handler-overheating.json");
    return union(
        ids,
        Set.of(
            AlertTable.alertId(HOT, "OVERHEAT", T0.plusSeconds(1).toEpochMilli()),
            AlertTable.alertId(ahu.deviceId(), "OVERHEAT", ahu.ts().toEpochMilli())));
  }

  private JobClient start() throws Exception {
    JobConfig config =
        JobConfig.fromArgs(
            "--kinesis.stream",
            STREAM,
            "--kinesis.endpoint",
            LocalStandIns.endpoint(standIns.kinesisLocal()),
            "--dynamodb.endpoint",
            LocalStandIns.endpoint(standIns.dynalite()),
            "--aws.access-key",
            LocalStandIns.ACCESS_KEY,
            "--aws.secret-key",
            LocalStandIns.SECRET_KEY,
            "--rules.offline.after-seconds",
            String.valueOf(OFFLINE_AFTER.toSeconds()));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    env.enableCheckpointing(1000);
    AnalyticsJob.withConnectors(config).addTo(env);
    return env.executeAsync("analytics-job-it");
  }

  private static void putAggregate(List<byte[]> payloads) {
    List<UserRecord> records = new ArrayList<>();
    for (byte[] payload : payloads) {
      records.add(new UserRecord(deviceIdOf(payload), payload));
    }
    byte[] aggregate = AggregatedRecord.encode(records);
    assertThat(AggregatedRecord.isAggregated(aggregate)).isTrue();
    standIns.kinesis().putRecord(
        b ->
            b.streamName(STREAM)
                .partitionKey(records.get(0).partitionKey())
                .data(SdkBytes.fromByteArray(aggregate)));
  }

  private static String deviceIdOf(byte[] payload) {
    try {
      return CODEC.decode(payload).deviceId();
    } catch (Exception invalid) {
      return "unknown-device";
    }
  }

  private static Telemetry air(String deviceId, long seq, Instant ts, double celsius) {
    return new Telemetry(
        deviceId,
        "b1",
        3,
        "f3-plant",
        DeviceType.AIR_HANDLER,
        ts,
        seq,
        Map.of("temperatureC", celsius, "fanSpeedPct", 60.0));
  }

  private static Telemetry calm(long seq, Instant ts) {
    return new Telemetry(
        CALM, "b1", 1, "f1-east", DeviceType.ZONE_SENSOR, ts, seq, Map.of("temperatureC", 21.0));
  }

  private static Telemetry example(String file) {
    try {
      return CODEC.decode(ContractExamples.read(file));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] encode(Telemetry t) {
    return CODEC.encode(t);
  }

  private static String status(String alertId) {
    Map<String, AttributeValue> alert = alerts().get(alertId);
    return alert == null ? null : alert.get(AlertTable.STATUS).s();
  }

  private static Map<String, Map<String, AttributeValue>> alerts() {
    return scan(TableNames.defaults().alerts(), AlertTable.ALERT_ID);
  }

  private static Map<String, Map<String, AttributeValue>> health() {
    return scan(TableNames.defaults().deviceHealth(), DeviceHealthTable.DEVICE_ID);
  }

  private static Map<String, Map<String, AttributeValue>> buildings() {
    return scan(TableNames.defaults().buildings(), BuildingTable.BUILDING_ID);
  }

  private static Map<String, Map<String, AttributeValue>> scan(String table, String key) {
    return standIns.dynamo().scanPaginator(b -> b.tableName(table)).items().stream()
        .collect(Collectors.toMap(item -> item.get(key).s(), item -> item));
  }

  private static <T> Set<T> union(Set<T> a, Set<T> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
  }
}
