package io.smartbuilding.analytics.benchmark;

import io.smartbuilding.analytics.AnalyticsJob;
import io.smartbuilding.analytics.JobConfig;
import io.smartbuilding.contracts.kinesis.AggregatedRecord;
import io.smartbuilding.contracts.kinesis.AggregatedRecord.UserRecord;
import io.smartbuilding.contracts.kinesis.StreamProvisioner;
import io.smartbuilding.contracts.tables.AlertTable;
import io.smartbuilding.contracts.tables.DeviceHealthTable;
import io.smartbuilding.contracts.tables.TableProvisioner;
import io.smartbuilding.contracts.tables.TableProvisioner.TableNames;
import io.smartbuilding.contracts.telemetry.DeviceType;
import io.smartbuilding.contracts.telemetry.Telemetry;
import io.smartbuilding.contracts.telemetry.TelemetryCodec;
import io.smartbuilding.contracts.testing.LocalAwsClients;
import io.smartbuilding.contracts.testing.LocalStandIns;
import io.smartbuilding.contracts.testing.LoopbackProcess;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Detection latency on the emulators: the time from putting an overheating reading into
 * kinesis-local (as a one-record KPL aggregate, like the gateway) until its OVERHEAT alert item can
 * be read from dynalite. The job runs with its default settings (200 ms Kinesis poll interval, 500
 * ms sink buffer, 10 s checkpoints) on a local in-process cluster at parallelism 1.
 *
 * <p>Not a test: surefire does not pick it up. The README ("Benchmarks") has the command; the
 * optional argument is the number of samples.
 */
public final class DetectionLatencyBenchmark {

  private static final String STREAM = "telemetry-latency";
  private static final TelemetryCodec CODEC = new TelemetryCodec();

  public static void main(String[] args) throws Exception {
    int samples = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    Path work = Path.of("target/benchmark");
    try (LoopbackProcess kinesisLocal = LocalStandIns.kinesis(work);
        LoopbackProcess dynalite = LocalStandIns.dynamoDb(work);
        KinesisClient kinesis = LocalAwsClients.kinesis(kinesisLocal);
        DynamoDbClient dynamo = LocalAwsClients.dynamoDb(dynalite)) {
      new StreamProvisioner(kinesis).createIfMissing(STREAM, 1);
      new TableProvisioner(dynamo).createIfMissing(TableNames.defaults());
      JobConfig config =
          JobConfig.fromArgs(
              "--kinesis.stream", STREAM,
              "--kinesis.endpoint", LocalStandIns.endpoint(kinesisLocal),
              "--dynamodb.endpoint", LocalStandIns.endpoint(dynalite),
              "--aws.access-key", LocalStandIns.ACCESS_KEY,
              "--aws.secret-key", LocalStandIns.SECRET_KEY);
      StreamExecutionEnvironment env =
          StreamExecutionEnvironment.createLocalEnvironment(1, AnalyticsJob.loopbackOnly(0));
      env.enableCheckpointing(config.checkpointInterval().toMillis());
      AnalyticsJob.withConnectors(config).addTo(env);
      JobClient job = env.executeAsync("detection-latency");
      try {
        // warm-up: the job is reading and writing once a first device shows up in the table
        put(kinesis, reading("b9-f1-ahu-warm", Instant.now(), 21.0));
        waitFor(
            dynamo,
            TableNames.defaults().deviceHealth(),
            DeviceHealthTable.DEVICE_ID,
            "b9-f1-ahu-warm",
            120_000);

        SplittableRandom random = new SplittableRandom(7);
        long[] millis = new long[samples];
        for (int i = 0; i < samples; i++) {
          Telemetry hot = reading("b9-f1-ahu-" + i, Instant.now(), 75.0);
          String alertId =
              AlertTable.alertId(hot.deviceId(), "OVERHEAT", hot.ts().toEpochMilli());
          long start = System.nanoTime();
          put(kinesis, hot);
          waitFor(dynamo, TableNames.defaults().alerts(), AlertTable.ALERT_ID, alertId, 30_000);
          millis[i] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
          System.out.printf("sample %d: %d ms%n", i + 1, millis[i]);
          // not in step with the poll interval or the sink's flush
          Thread.sleep(random.nextInt(100, 600));
        }
        Arrays.sort(millis);
        System.out.printf(
            "detection latency over %d samples: p50 %d ms, p99 %d ms, min %d ms, max %d ms%n",
            samples,
            percentile(millis, 50),
            percentile(millis, 99),
            millis[0],
            millis[samples - 1]);
      } finally {
        job.cancel().get(30, TimeUnit.SECONDS);
      }
    }
  }

  /** Nearest-rank percentile of sorted values. */
  static long percentile(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static Telemetry reading(String deviceId, Instant ts, double celsius) {
    return new Telemetry(
        deviceId,
        "b9",
        1,
        "f1-plant",
        DeviceType.AIR_HANDLER,
        ts,
        1,
        Map.of("temperatureC", celsius, "fanSpeedPct", 60.0));
  }

  private static void put(KinesisClient kinesis, Telemetry reading) {
    byte[] aggregate =
        AggregatedRecord.encode(
            List.of(new UserRecord(reading.deviceId(), CODEC.encode(reading))));
    kinesis.putRecord(
        b ->
            b.streamName(STREAM)
                .partitionKey(reading.deviceId())
                .data(SdkBytes.fromByteArray(aggregate)));
  }

  private static void waitFor(
      DynamoDbClient dynamo, String table, String keyAttribute, String key, long timeoutMillis)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (System.currentTimeMillis() < deadline) {
      boolean found =
          dynamo
              .getItem(b -> b.tableName(table).key(Map.of(keyAttribute, AttributeValue.fromS(key))))
              .hasItem();
      if (found) {
        return;
      }
      Thread.sleep(5);
    }
    throw new IllegalStateException(
        "no item " + key + " in " + table + " after " + timeoutMillis + " ms");
  }
}
