package io.smartbuilding.analytics.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartbuilding.analytics.AnalyticsJob;
import io.smartbuilding.analytics.JobConfig;
import io.smartbuilding.contracts.kinesis.AggregatedRecord;
import io.smartbuilding.contracts.kinesis.AggregatedRecord.UserRecord;
import io.smartbuilding.contracts.kinesis.StreamProvisioner;
import io.smartbuilding.contracts.testing.LocalAwsClients;
import io.smartbuilding.contracts.testing.LocalStandIns;
import io.smartbuilding.contracts.testing.LoopbackProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.SinkFunction;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * The Kinesis source against kinesis-local with each start position, and with enhanced fan-out:
 * which records put before the job started it reads, and that it reads those put after.
 */
class KinesisStartPositionIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Map<String, List<String>> RECEIVED = new ConcurrentHashMap<>();
  private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setConfiguration(METRICS.addToConfiguration(AnalyticsJob.loopbackOnly(0)))
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(1)
              .build());

  private static LoopbackProcess kinesisLocal;
  private static KinesisClient kinesis;
  private JobClient job;

  @BeforeAll
  static void startKinesis() {
    kinesisLocal = LocalStandIns.kinesis(Path.of("target/it/kinesis-start"));
    kinesis = LocalAwsClients.kinesis(kinesisLocal);
  }

  @AfterAll
  static void stopKinesis() {
    if (kinesis != null) kinesis.close();
    if (kinesisLocal != null) kinesisLocal.close();
  }

  @AfterEach
  void cancelJob() throws Exception {
    if (job != null) {
      job.cancel().get(30, TimeUnit.SECONDS);
      job = null;
    }
  }

  @Test
  void trimHorizonReadsEverythingInTheStream() throws Exception {
    String stream = stream("trim-horizon");
    put(stream, "before-1", "before-2", "before-3");
    job = start(stream, "--kinesis.initial-position", "TRIM_HORIZON");
    put(stream, "after-1");
    await().atMost(WAIT).until(() -> received(stream).size() >= 4);
    assertThat(received(stream)).containsExactly("before-1", "before-2", "before-3", "after-1");
    // the consumer's lag gauge, per shard
    Map<String, Metric> metrics = METRICS.getMetricsByIdentifiers(job.getJobID());
    Metric behind =
        metrics.entrySet().stream()
            .filter(m -> m.getKey().contains("KinesisConsumer.stream." + stream + ".shardId."))
            .filter(m -> m.getKey().endsWith(".millisBehindLatest"))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no millisBehindLatest in " + metrics.keySet()));
    assertThat(((Gauge<?>) behind).getValue()).isInstanceOf(Long.class);
  }

  @Test
  void latestSkipsWhatWasPutBeforeTheJobStarted() throws Exception {
    String stream = stream("latest");
    put(stream, "before-1", "before-2");
    job = start(stream, "--kinesis.initial-position", "LATEST");
    // LATEST starts wherever the shard's tip is when the reader gets its iterator, a moment
    // after the job starts: keep putting until the records arrive, then put one more
    List<String> sent = new ArrayList<>();
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              String next = "after-" + (sent.size() + 1);
              put(stream, next);
              sent.add(next);
              return !received(stream).isEmpty();
            });
    put(stream, "last");
    await().atMost(WAIT).until(() -> received(stream).contains("last"));
    assertThat(received(stream)).doesNotContain("before-1", "before-2").contains("last");
    assertThat(received(stream)).allMatch(r -> r.startsWith("after-") || r.equals("last"));
  }

  @Test
  void atTimestampStartsWithTheFirstRecordThatArrivedAtOrAfterIt() throws Exception {
    String stream = stream("at-timestamp");
    put(stream, "old-1", "old-2");
    Thread.sleep(1_200);
    Instant start = Instant.now();
    Thread.sleep(1_200);
    put(stream, "new-1", "new-2");
    job =
        start(
            stream,
            "--kinesis.initial-position", "AT_TIMESTAMP",
            "--kinesis.initial-timestamp", start.toString());
    put(stream, "after-1");
    await().atMost(WAIT).until(() -> received(stream).contains("after-1"));
    assertThat(received(stream)).containsExactly("new-1", "new-2", "after-1");
  }

  @Test
  void enhancedFanOutReadsThroughASubscription() throws Exception {
    String stream = stream("efo");
    put(stream, "before-1", "before-2");
    job =
        start(
            stream,
            "--kinesis.initial-position", "TRIM_HORIZON",
            "--kinesis.consumer", "efo",
            "--kinesis.efo.consumer-name", "start-position-it");
    put(stream, "after-1");
    await().atMost(WAIT).until(() -> received(stream).contains("after-1"));
    assertThat(received(stream)).containsExactly("before-1", "before-2", "after-1");
    assertThat(
            kinesis
                .listStreamConsumers(
                    r -> r.streamARN(kinesis.describeStreamSummary(d -> d.streamName(stream))
                        .streamDescriptionSummary().streamARN()))
                .consumers())
        .extracting(c -> c.consumerName())
        .containsExactly("start-position-it");
  }

  private static String stream(String name) {
    String stream = "start-" + name;
    RECEIVED.put(stream, new CopyOnWriteArrayList<>());
    new StreamProvisioner(kinesis).createIfMissing(stream, 1);
    return stream;
  }

  private static List<String> received(String stream) {
    return RECEIVED.get(stream);
  }

  /** Each call is one Kinesis record: a KPL aggregate of the given user records, as the gateway writes. */
  private static void put(String stream, String... payloads) {
    byte[] aggregate =
        AggregatedRecord.encode(
            java.util.Arrays.stream(payloads)
                .map(p -> new UserRecord("pk", p.getBytes(StandardCharsets.UTF_8)))
                .toList());
    kinesis.putRecord(
        r -> r.streamName(stream).partitionKey("pk").data(SdkBytes.fromByteArray(aggregate)));
  }

  @SuppressWarnings("deprecation") // addSource/SinkFunction: the legacy consumer's API
  private JobClient start(String stream, String... options) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--kinesis.stream", stream,
                "--kinesis.endpoint", LocalStandIns.endpoint(kinesisLocal),
                "--kinesis.poll-interval-ms", "100",
                "--aws.access-key", LocalStandIns.ACCESS_KEY,
                "--aws.secret-key", LocalStandIns.SECRET_KEY));
    args.addAll(List.of(options));
    KinesisSettings settings = JobConfig.fromArgs(args.toArray(String[]::new)).kinesis();

    Configuration conf = new Configuration();
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(1);
    env.addSource(KinesisTelemetrySource.create(settings), "kinesis")
        .addSink(new Collect(stream));
    return env.executeAsync("start-position-" + stream);
  }

  @SuppressWarnings("deprecation")
  private static final class Collect implements SinkFunction<byte[]> {
    private final String stream;

    Collect(String stream) {
      this.stream = stream;
    }

    @Override
    public void invoke(byte[] value, Context context) {
      RECEIVED.get(stream).add(new String(value, StandardCharsets.UTF_8));
    }
  }
}
