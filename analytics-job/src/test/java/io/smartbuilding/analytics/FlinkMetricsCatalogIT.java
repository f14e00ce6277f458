package io.smartbuilding.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartbuilding.contracts.kinesis.AggregatedRecord;
import io.smartbuilding.contracts.kinesis.AggregatedRecord.UserRecord;
import io.smartbuilding.contracts.tables.TableProvisioner.TableNames;
import io.smartbuilding.contracts.telemetry.DeviceType;
import io.smartbuilding.contracts.telemetry.Telemetry;
import io.smartbuilding.contracts.telemetry.TelemetryCodec;
import io.smartbuilding.contracts.testing.ContractExamples;
import io.smartbuilding.contracts.testing.LocalStandIns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.CharacterFilter;
import org.apache.flink.metrics.LogicalScopeProvider;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.groups.AbstractMetricGroup;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;

/**
 * The whole job on a MiniCluster between kinesis-local and dynalite registers, under the names
 * Flink's Prometheus reporter exports, every Flink metric the operator's dashboard and alert rules
 * use: those listed for this test in deploy/observability/metrics-catalog.tsv.
 *
 * <p>flink-metrics-prometheus is not on this build's Maven mirror, so the test reads the metrics
 * from Flink's InMemoryReporter and names them the way the Prometheus reporter does (its
 * AbstractPrometheusReporter): "flink_" + the group's logical scope joined with '_' + "_" + the
 * metric name, characters outside [a-zA-Z0-9:_] replaced by '_', the group's variables as labels.
 */
class FlinkMetricsCatalogIT {

  private static final Path CATALOG = Path.of("../deploy/observability/metrics-catalog.tsv");
  private static final String PROOF =
      "analytics-job/src/test/java/io/smartbuilding/analytics/FlinkMetricsCatalogIT.java";
  private static final String STREAM = "telemetry-metrics-it";
  private static final String CONSUMER_LAG =
      "flink_taskmanager_job_task_operator_KinesisConsumer_stream_shardId_millisBehindLatest";
  private static final Pattern NOT_PROMETHEUS = Pattern.compile("[^a-zA-Z0-9:_]");
  private static final CharacterFilter PROMETHEUS_CHARACTERS =
      input -> NOT_PROMETHEUS.matcher(input).replaceAll("_");

  private static final InMemoryReporter REPORTER = InMemoryReporter.createWithRetainedMetrics();

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setConfiguration(REPORTER.addToConfiguration(AnalyticsJob.loopbackOnly(0)))
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private static JobStandIns standIns;

  private JobClient job;

  @BeforeAll
  static void startStandIns() {
    standIns =
        JobStandIns.start(Path.of("target/it/metrics-catalog"), STREAM, TableNames.defaults());
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
  void registersEveryFlinkMetricTheDashboardAndAlertsUse() throws Exception {
    Set<String> expected = metricsProvedHere();
    assertThat(expected).as("metrics-catalog.tsv lists Flink metrics for this test").isNotEmpty();
    TelemetryCodec codec = new TelemetryCodec();
    Telemetry reading =
        new Telemetry("b1-f1-zs-07", "b1", 1, "f1-east", DeviceType.ZONE_SENSOR,
            Instant.now(), 1, Map.of("temperatureC", 21.5));
    byte[] aggregate =
        AggregatedRecord.encode(
            List.of(
                new UserRecord(reading.deviceId(), codec.encode(reading)),
                new UserRecord("bad", ContractExamples.invalidTelemetry().get(0).payload())));
    standIns.kinesis().putRecord(
        b ->
            b.streamName(STREAM)
                .partitionKey(reading.deviceId())
                .data(SdkBytes.fromByteArray(aggregate)));

    job = start();

    // Operators register their metrics as they open, the shard reader once it found the shard.
    await("every catalogued metric is registered")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptionsInstanceOf(ConcurrentModificationException.class)
        .untilAsserted(() -> assertThat(exported().keySet()).containsAll(expected));

    Map<String, Set<Map<String, String>>> exported = exported();
    assertThat(exported.get(CONSUMER_LAG))
        .as("the consumer lag is per stream and shard")
        .anySatisfy(
            labels -> {
              assertThat(labels).containsEntry("stream", STREAM);
              assertThat(labels.get("shardId")).startsWith("shardId-");
            });
    assertThat(exported.get("flink_taskmanager_job_task_operator_alertType_alertsRaised"))
        .as("alerts raised are counted per alert type")
        .anySatisfy(labels -> assertThat(labels).containsEntry("alertType", "OVERHEAT"));
    assertThat(exported.get("flink_jobmanager_job_numRestarts"))
        .anySatisfy(labels -> assertThat(labels).containsKey("job_name"));
  }

  /** Prometheus metric name -> the label sets it is exported with. */
  private static Map<String, Set<Map<String, String>>> exported() {
    Map<String, Set<Map<String, String>>> exported = new TreeMap<>();
    REPORTER
        .getMetricsByGroup()
        .forEach(
            (group, metrics) -> {
              for (String name : metrics.keySet()) {
                exported.computeIfAbsent(prometheusName(group, name), k -> new HashSet<>())
                    .add(labels(group));
              }
            });
    return exported;
  }

  private static String prometheusName(MetricGroup group, String metricName) {
    // The reporter asks the group it is handed (a FrontMetricGroup, which delegates here); the
    // InMemoryReporter keeps the group behind it.
    String scope =
        group instanceof LogicalScopeProvider provider
            ? provider.getLogicalScope(PROMETHEUS_CHARACTERS, '_')
            : ((AbstractMetricGroup<?>) group).getLogicalScope(PROMETHEUS_CHARACTERS, '_');
    return "flink_" + scope + "_" + PROMETHEUS_CHARACTERS.filterCharacters(metricName);
  }

  /** Variables like {@code <job_name>} become labels without their angle brackets. */
  private static Map<String, String> labels(MetricGroup group) {
    Map<String, String> labels = new HashMap<>();
    group
        .getAllVariables()
        .forEach(
            (key, value) ->
                labels.put(
                    PROMETHEUS_CHARACTERS.filterCharacters(key.substring(1, key.length() - 1)),
                    value));
    return labels;
  }

  private static Set<String> metricsProvedHere() throws IOException {
    Set<String> names = new TreeSet<>();
    for (String line : Files.readAllLines(CATALOG)) {
      String[] cells = line.split("\t");
      if (!line.startsWith("#") && cells.length == 2 && cells[1].strip().equals(PROOF)) {
        names.add(cells[0].strip());
      }
    }
    return names;
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
            LocalStandIns.SECRET_KEY);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    env.enableCheckpointing(500);
    AnalyticsJob.withConnectors(config).addTo(env);
    return env.executeAsync("analytics-job-metrics-it");
  }
}
