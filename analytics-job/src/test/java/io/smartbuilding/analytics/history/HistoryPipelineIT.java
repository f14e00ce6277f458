package io.smartbuilding.analytics.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartbuilding.analytics.AnalyticsJob;
import io.smartbuilding.analytics.aws.AwsEndpoint;
import io.smartbuilding.analytics.aws.AwsEndpoint.StaticKeys;
import io.smartbuilding.analytics.telemetry.TelemetryTypeInfo;
import io.smartbuilding.contracts.tables.MetricHistoryTable;
import io.smartbuilding.contracts.tables.StoredTime;
import io.smartbuilding.contracts.tables.TableProvisioner;
import io.smartbuilding.contracts.tables.TableProvisioner.TableNames;
import io.smartbuilding.contracts.telemetry.DeviceType;
import io.smartbuilding.contracts.telemetry.Telemetry;
import io.smartbuilding.contracts.testing.LocalAwsClients;
import io.smartbuilding.contracts.testing.LocalStandIns;
import io.smartbuilding.contracts.testing.LoopbackProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.SinkFunction;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The history pipeline on a MiniCluster writing to dynalite through the real DynamoDB sink: the
 * buckets' values, a window rewritten for a late reading, and readings too late for any window.
 */
class HistoryPipelineIT {

  private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
  private static final TableNames TABLES = TableNames.prefixed("history-it-");
  private static final List<HistoryReading> LATE = new CopyOnWriteArrayList<>();
  private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setConfiguration(METRICS.addToConfiguration(AnalyticsJob.loopbackOnly(0)))
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private static LoopbackProcess dynalite;
  private static DynamoDbClient dynamo;

  @BeforeAll
  static void startDynalite() {
    dynalite = LocalStandIns.dynamoDb(Path.of("target/it/history"));
    dynamo = LocalAwsClients.dynamoDb(dynalite);
    new TableProvisioner(dynamo).createIfMissing(TABLES);
  }

  @AfterAll
  static void stopDynalite() {
    if (dynamo != null) dynamo.close();
    if (dynalite != null) dynalite.close();
  }

  @Test
  void writesEveryScopesBucketsRewritesLateWindowsAndCountsTooLateReadings() throws Exception {
    List<Telemetry> readings =
        List.of(
            reading("d1", 10, 20.0),
            reading("d2", 20, 30.0),
            reading("d1", 70, 40.0), // watermark 08:01:05: the 08:00 device windows fire
            reading("d1", 30, 26.0), // late, within the 60 s allowed: d1's 08:00 bucket again
            reading("d1", 400, 50.0), // watermark 08:06:35: the 08:00 five-minute windows fire
            reading("d1", 15, 99.0)); // too late for every scope: side output, in no bucket

    Configuration conf = new Configuration();
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    DataStream<Telemetry> telemetry =
        env.fromData(TelemetryTypeInfo.TELEMETRY, readings.toArray(Telemetry[]::new))
            .setParallelism(1)
            .assignTimestampsAndWatermarks(watermarkOnEveryReading(Duration.ofSeconds(5)))
            .setParallelism(1);
    AwsEndpoint aws =
        new AwsEndpoint(
            LocalStandIns.REGION,
            Optional.of(URI.create(LocalStandIns.endpoint(dynalite))),
            Optional.of(new StaticKeys(LocalStandIns.ACCESS_KEY, LocalStandIns.SECRET_KEY)));
    HistorySettings settings =
        new HistorySettings(Duration.ofSeconds(60), Duration.ofDays(7), Duration.ofDays(90));
    HistoryPipeline.addTo(telemetry, settings, HistorySink.create(aws, TABLES.metricHistory()))
        .addSink(new LateReadings())
        .name("late-readings");
    env.execute("history-it");

    Map<String, Map<String, AttributeValue>> items = items();
    assertThat(items.keySet())
        .containsExactlyInAnyOrder(
            key(MetricHistoryTable.deviceSeries("d1", "temperatureC"), 0),
            key(MetricHistoryTable.deviceSeries("d2", "temperatureC"), 0),
            key(MetricHistoryTable.deviceSeries("d1", "temperatureC"), 60),
            key(MetricHistoryTable.deviceSeries("d1", "temperatureC"), 360),
            key(MetricHistoryTable.zoneSeries("b1", 3, "f3-west", "temperatureC"), 0),
            key(MetricHistoryTable.zoneSeries("b1", 3, "f3-west", "temperatureC"), 300),
            key(MetricHistoryTable.floorSeries("b1", 3, "temperatureC"), 0),
            key(MetricHistoryTable.floorSeries("b1", 3, "temperatureC"), 300),
            key(MetricHistoryTable.buildingSeries("b1", "temperatureC"), 0),
            key(MetricHistoryTable.buildingSeries("b1", "temperatureC"), 300));

    Map<String, AttributeValue> d1 =
        items.get(key(MetricHistoryTable.deviceSeries("d1", "temperatureC"), 0));
    assertThat(numbers(d1))
        .containsEntry("count", "2")
        .containsEntry("min", "20")
        .containsEntry("max", "26")
        .containsEntry("sum", "46")
        .containsEntry("avg", "23")
        .containsEntry("expiresAt", String.valueOf(T0.plusSeconds(60).plus(Duration.ofDays(7)).getEpochSecond()));
    assertThat(d1.get(MetricHistoryTable.BUILDING_ID).s()).isEqualTo("b1");
    assertThat(d1.get(MetricHistoryTable.METRIC).s()).isEqualTo("temperatureC");

    for (String series :
        List.of(
            MetricHistoryTable.zoneSeries("b1", 3, "f3-west", "temperatureC"),
            MetricHistoryTable.floorSeries("b1", 3, "temperatureC"),
            MetricHistoryTable.buildingSeries("b1", "temperatureC"))) {
      assertThat(numbers(items.get(key(series, 0))))
          .as(series)
          .containsEntry("count", "4")
          .containsEntry("min", "20")
          .containsEntry("max", "40")
          .containsEntry("sum", "116")
          .containsEntry("avg", "29")
          .containsEntry(
              "expiresAt",
              String.valueOf(T0.plusSeconds(300).plus(Duration.ofDays(90)).getEpochSecond()));
    }
    // the lag gauge (the readings are from the past) and the late counters, one per scope
    // by group: task and operator groups of a chained sink share identifiers, which
    // getMetricsByIdentifiers cannot put in one map
    Map<String, Metric> metrics = new java.util.HashMap<>();
    METRICS.getMetricsByGroup().forEach(
        (group, byName) -> byName.forEach((name, m) -> metrics.put(group.getMetricIdentifier(name), m)));
    Metric lag = metric(metrics, "event-time-lag", EventTimeLag.METRIC);
    assertThat((Long) ((Gauge<?>) lag).getValue())
        .isGreaterThan(Duration.between(T0.plusSeconds(400), Instant.now()).toMillis() - 60_000);
    for (HistoryScope scope : HistoryScope.values()) {
      long late =
          metrics.entrySet().stream()
              .filter(m -> m.getKey().contains("." + scope.operatorName() + "-late."))
              .filter(m -> m.getKey().endsWith("." + LateReadingCounter.METRIC))
              .mapToLong(m -> ((Counter) m.getValue()).getCount())
              .sum(); // over the operator's subtasks
      assertThat(late).as(scope.name()).isEqualTo(1);
    }
    // once per scope that had already closed its window for good
    assertThat(LATE).extracting(HistoryReading::ts).containsExactly(
        T0.plusSeconds(15), T0.plusSeconds(15), T0.plusSeconds(15), T0.plusSeconds(15));
  }

  private static Metric metric(Map<String, Metric> metrics, String operator, String name) {
    return metrics.entrySet().stream()
        .filter(m -> m.getKey().contains("." + operator + ".") && m.getKey().endsWith("." + name))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + operator + " " + name + " in " + metrics.keySet()));
  }

  private static Map<String, String> numbers(Map<String, AttributeValue> item) {
    return item.entrySet().stream()
        .filter(e -> e.getValue().n() != null)
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().n()));
  }

  private static String key(String series, int bucketSecond) {
    return series + " @ " + StoredTime.format(T0.plusSeconds(bucketSecond));
  }

  private static Map<String, Map<String, AttributeValue>> items() {
    return dynamo
        .scanPaginator(ScanRequest.builder().tableName(TABLES.metricHistory()).build())
        .items()
        .stream()
        .collect(
            Collectors.toMap(
                i ->
                    i.get(MetricHistoryTable.SERIES_ID).s()
                        + " @ "
                        + i.get(MetricHistoryTable.BUCKET_START).s(),
                i -> i));
  }

  private static Telemetry reading(String device, int second, double celsius) {
    return new Telemetry(
        device,
        "b1",
        3,
        "f3-west",
        DeviceType.AIR_HANDLER,
        T0.plusSeconds(second),
        second,
        Map.of("temperatureC", celsius));
  }

  /**
   * The production strategy emits watermarks periodically, and an in-memory source is over before
   * the first period: this one emits after every reading, with the same bound.
   */
  private static WatermarkStrategy<Telemetry> watermarkOnEveryReading(Duration bound) {
    return WatermarkStrategy.<Telemetry>forGenerator(
            ctx ->
                new WatermarkGenerator<>() {
                  private long newest = Long.MIN_VALUE + bound.toMillis() + 1;

                  @Override
                  public void onEvent(Telemetry t, long ts, WatermarkOutput output) {
                    newest = Math.max(newest, ts);
                    output.emitWatermark(new Watermark(newest - bound.toMillis() - 1));
                  }

                  @Override
                  public void onPeriodicEmit(WatermarkOutput output) {}
                })
        .withTimestampAssigner((t, previous) -> t.ts().toEpochMilli());
  }

  @SuppressWarnings("deprecation") // a test-only collecting sink; the MiniCluster is in this JVM
  private static final class LateReadings implements SinkFunction<HistoryReading> {
    @Override
    public void invoke(HistoryReading value, Context context) {
      LATE.add(value);
    }
  }
}
