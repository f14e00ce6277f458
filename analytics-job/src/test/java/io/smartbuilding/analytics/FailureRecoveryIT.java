package io.smartbuilding.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartbuilding.analytics.aws.AlertTableSink;
import io.smartbuilding.analytics.aws.DynamoDbClientFactory;
import io.smartbuilding.analytics.aws.DynamoDbSinks;
import io.smartbuilding.analytics.aws.KinesisTelemetrySource;
import io.smartbuilding.analytics.building.BuildingItemConverter;
import io.smartbuilding.analytics.health.DeviceHealth;
import io.smartbuilding.analytics.health.DeviceHealthItemConverter;
import io.smartbuilding.analytics.history.HistorySink;
import io.smartbuilding.analytics.rules.RuleFeed;
import io.smartbuilding.contracts.kinesis.AggregatedRecord;
import io.smartbuilding.contracts.kinesis.AggregatedRecord.UserRecord;
import io.smartbuilding.contracts.tables.AlertTable;
import io.smartbuilding.contracts.tables.BuildingTable;
import io.smartbuilding.contracts.tables.DeviceHealthTable;
import io.smartbuilding.contracts.tables.MetricHistoryTable;
import io.smartbuilding.contracts.tables.TableProvisioner.TableNames;
import io.smartbuilding.contracts.telemetry.DeviceType;
import io.smartbuilding.contracts.telemetry.Telemetry;
import io.smartbuilding.contracts.telemetry.TelemetryCodec;
import io.smartbuilding.contracts.testing.LocalStandIns;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.dynamodb.sink.DynamoDbWriteRequest;
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
 * A run that fails mid-stream and recovers from its last checkpoint leaves the same alerts,
 * device-health items (updatedAt aside) and metric history as a failure-free run over the same
 * Kinesis input.
 */
class FailureRecoveryIT {

  private static final String STREAM = "telemetry-recovery";
  private static final Duration WAIT = Duration.ofSeconds(40);
  private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
  private static final int DEVICES = 20;
  private static final int ROUNDS = 20;
  /** 20 devices x 2 metrics x the three minutes (08:00-08:02) the watermark closes. */
  private static final int DEVICE_MINUTES_CLOSED = DEVICES * 2 * 3;
  private static final TableNames RECOVERED = TableNames.prefixed("recovered-");
  private static final TableNames REFERENCE = TableNames.prefixed("reference-");
  private static final TelemetryCodec CODEC = new TelemetryCodec();

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setConfiguration(AnalyticsJob.loopbackOnly(0))
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(1)
              .build());

  private static JobStandIns standIns;

  private JobClient job;

  @BeforeAll
  static void startStandIns() {
    standIns =
        JobStandIns.start(Path.of("target/it/failure-recovery"), STREAM, RECOVERED, REFERENCE);
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
  void recoveryFromACheckpointWritesWhatAFailureFreeRunWrites() throws Exception {
    int half = DEVICES * ROUNDS / 2;
    putRounds(0, ROUNDS / 2);
    FailOnce.arm(half + DEVICES * 3); // in the middle of the second half
    job = start(RECOVERED, true);
    await("the first half is written")
        .atMost(WAIT)
        .failFast("the job stopped", () -> job.getJobStatus().get().isGloballyTerminalState())
        .until(
            () ->
                allDevicesAt(
                    scan(RECOVERED.deviceHealth(), DeviceHealthTable.DEVICE_ID), ROUNDS / 2));
    // Checkpoints every 200 ms: let a few complete after the first half, so that the restart
    // resumes from one and does not read the stream from the start.
    Thread.sleep(2_000);
    putRounds(ROUNDS / 2, ROUNDS);

    await("the job fails once and recovers")
        .atMost(WAIT)
        .failFast("the job stopped", () -> job.getJobStatus().get().isGloballyTerminalState())
        .until(() -> FailOnce.failed() && converged(RECOVERED));
    awaitHistory(RECOVERED);
    assertThat(FailOnce.writtenAfterFailure())
        .as("health items converted after the restart: from the checkpoint, not from the start")
        .isLessThan(DEVICES * ROUNDS);
    job.cancel().get(30, TimeUnit.SECONDS);
    job = null;

    job = start(REFERENCE, false);
    await("the failure-free run is done").atMost(WAIT).until(() -> converged(REFERENCE));
    awaitHistory(REFERENCE);

    assertThat(withoutUpdatedAt(scan(RECOVERED.alerts(), AlertTable.ALERT_ID)))
        .isEqualTo(withoutUpdatedAt(scan(REFERENCE.alerts(), AlertTable.ALERT_ID)));
    assertThat(withoutUpdatedAt(scan(RECOVERED.deviceHealth(), DeviceHealthTable.DEVICE_ID)))
        .isEqualTo(withoutUpdatedAt(scan(REFERENCE.deviceHealth(), DeviceHealthTable.DEVICE_ID)));
    assertThat(historyOf(RECOVERED)).isEqualTo(historyOf(REFERENCE));
  }

  /**
   * 200 s of readings: the watermark closes the minute windows 08:00-08:02. They fire after the
   * health items are written and reach the table at a later checkpoint, so wait for them before
   * the job is cancelled.
   */
  private void awaitHistory(TableNames tables) {
    await("the closed history windows are written to " + tables.metricHistory())
        .atMost(WAIT)
        .failFast("the job stopped", () -> job.getJobStatus().get().isGloballyTerminalState())
        .until(() -> historyOf(tables).size() == DEVICE_MINUTES_CLOSED);
  }

  /** The 1-minute device series items, keyed by seriesId and bucketStart. */
  private static Map<String, Map<String, AttributeValue>> historyOf(TableNames tables) {
    Map<String, Map<String, AttributeValue>> items = new TreeMap<>();
    standIns.dynamo()
        .scanPaginator(b -> b.tableName(tables.metricHistory()))
        .items()
        .forEach(
            item -> {
              String series = item.get(MetricHistoryTable.SERIES_ID).s();
              if (series.startsWith("device#")) {
                items.put(series + "@" + item.get(MetricHistoryTable.BUCKET_START).s(), item);
              }
            });
    return items;
  }

  /** Every device has sent its last reading and every OVERHEAT episode is written, resolved. */
  private static boolean converged(TableNames tables) {
    Map<String, Map<String, AttributeValue>> alerts = scan(tables.alerts(), AlertTable.ALERT_ID);
    return allDevicesAt(scan(tables.deviceHealth(), DeviceHealthTable.DEVICE_ID), ROUNDS)
        && alerts.keySet().equals(expectedAlertIds())
        && alerts.values().stream().allMatch(a -> a.get(AlertTable.STATUS).s().equals("resolved"));
  }

  private static boolean allDevicesAt(Map<String, Map<String, AttributeValue>> health, int seq) {
    return health.size() == DEVICES
        && health.values().stream()
            .allMatch(h -> h.get(DeviceHealthTable.LAST_SEQ).n().equals(String.valueOf(seq)));
  }

  private JobClient start(TableNames tables, boolean failOnce) throws Exception {
    JobConfig config =
        JobConfig.fromArgs(
            "--kinesis.stream", STREAM,
            "--kinesis.endpoint", LocalStandIns.endpoint(standIns.kinesisLocal()),
            "--kinesis.poll-interval-ms", "50",
            "--dynamodb.endpoint", LocalStandIns.endpoint(standIns.dynalite()),
            "--aws.access-key", LocalStandIns.ACCESS_KEY,
            "--aws.secret-key", LocalStandIns.SECRET_KEY,
            // no OFFLINE episodes during the test: they run on processing time
            "--rules.offline.after-seconds", "3600");
    Configuration restart = new Configuration();
    restart.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    restart.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 1);
    restart.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(500));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.configure(restart);
    env.setParallelism(1);
    env.enableCheckpointing(200);
    var aws = config.dynamoDb().aws();
    ElementConverter<DeviceHealth, DynamoDbWriteRequest> health = new DeviceHealthItemConverter();
    new AnalyticsJob(
            config.rules(),
            KinesisTelemetrySource.create(config.kinesis()),
            RuleFeed.fixed(config.rules().defaultRules()),
            new AnalyticsJob.Sinks(
                DynamoDbSinks.forTable(
                    aws,
                    tables.deviceHealth(),
                    DeviceHealthTable.DEVICE_ID,
                    failOnce ? new FailOnce<>(health) : health),
                new AlertTableSink(DynamoDbClientFactory.of(aws), tables.alerts()),
                DynamoDbSinks.forTable(
                    aws, tables.buildings(), BuildingTable.BUILDING_ID, new BuildingItemConverter()),
                HistorySink.create(aws, tables.metricHistory())),
            config.events(),
            config.history(),
            Optional.empty())
        .addTo(env);
    return env.executeAsync("failure-recovery-it");
  }

  /**
   * Fails the sink writer, and with it the job, once, at the k-th element. Static state: the
   * MiniCluster runs in this JVM and the restarted job gets a fresh copy of the converter.
   */
  static final class FailOnce<T> implements ElementConverter<T, DynamoDbWriteRequest> {
    private static final AtomicInteger SEEN = new AtomicInteger();
    private static final AtomicInteger FAIL_AT = new AtomicInteger();
    private static final AtomicBoolean FAILED = new AtomicBoolean();
    private static final AtomicInteger AFTER_FAILURE = new AtomicInteger();

    private final ElementConverter<T, DynamoDbWriteRequest> delegate;

    FailOnce(ElementConverter<T, DynamoDbWriteRequest> delegate) {
      this.delegate = delegate;
    }

    static void arm(int k) {
      SEEN.set(0);
      AFTER_FAILURE.set(0);
      FAILED.set(false);
      FAIL_AT.set(k);
    }

    static boolean failed() {
      return FAILED.get();
    }

    static int writtenAfterFailure() {
      return AFTER_FAILURE.get();
    }

    @Override
    public void open(Sink.InitContext context) {
      delegate.open(context);
    }

    @Override
    public DynamoDbWriteRequest apply(T element, SinkWriter.Context context) {
      if (FAILED.get()) {
        AFTER_FAILURE.incrementAndGet();
      } else if (SEEN.incrementAndGet() == FAIL_AT.get()) {
        FAILED.set(true);
        throw new IllegalStateException("injected failure at element " + FAIL_AT.get());
      }
      return delegate.apply(element, context);
    }
  }

  /** Hot devices (every fifth) overheat in rounds 1-2, 6-7, 11-12 and 16-17, and end cool. */
  private static double celsius(int device, int round) {
    boolean hot = device % 5 == 0;
    int phase = round % 5;
    return hot && (phase == 1 || phase == 2) ? 65.0 + phase : 21.0 + device % 3;
  }

  private static Set<String> expectedAlertIds() {
    Set<String> ids = new TreeSet<>();
    for (int device = 0; device < DEVICES; device += 5) {
      for (int round = 1; round < ROUNDS; round += 5) {
        ids.add(AlertTable.alertId(deviceId(device), "OVERHEAT", ts(round).toEpochMilli()));
      }
    }
    return ids;
  }

  private static void putRounds(int fromRound, int toRound) {
    for (int round = fromRound; round < toRound; round++) {
      List<UserRecord> records = new ArrayList<>();
      for (int device = 0; device < DEVICES; device++) {
        Telemetry reading =
            new Telemetry(
                deviceId(device),
                "b" + device % 2,
                device % 4,
                "f" + device % 4 + "-east",
                DeviceType.AIR_HANDLER,
                ts(round),
                round + 1L,
                Map.of("temperatureC", celsius(device, round), "fanSpeedPct", 40.0 + round));
        records.add(new UserRecord(reading.deviceId(), CODEC.encode(reading)));
      }
      byte[] aggregate = AggregatedRecord.encode(records);
      standIns.kinesis().putRecord(
          b ->
              b.streamName(STREAM)
                  .partitionKey(records.get(0).partitionKey())
                  .data(SdkBytes.fromByteArray(aggregate)));
    }
  }

  private static String deviceId(int device) {
    return "b" + device % 2 + "-ahu-" + device;
  }

  private static Instant ts(int round) {
    return T0.plusSeconds(10L * round);
  }

  private static Map<String, Map<String, AttributeValue>> withoutUpdatedAt(
      Map<String, Map<String, AttributeValue>> items) {
    Map<String, Map<String, AttributeValue>> stripped = new HashMap<>();
    items.forEach(
        (key, item) -> {
          Map<String, AttributeValue> copy = new HashMap<>(item);
          copy.remove(AlertTable.UPDATED_AT);
          copy.remove(DeviceHealthTable.UPDATED_AT);
          stripped.put(key, copy);
        });
    return stripped;
  }

  private static Map<String, Map<String, AttributeValue>> scan(String table, String key) {
    return standIns.dynamo().scanPaginator(b -> b.tableName(table)).items().stream()
        .collect(Collectors.toMap(item -> item.get(key).s(), item -> item));
  }
}
