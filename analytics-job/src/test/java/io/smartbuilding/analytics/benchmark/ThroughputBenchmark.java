package io.smartbuilding.analytics.benchmark;

import io.smartbuilding.analytics.AnalyticsJob;
import io.smartbuilding.analytics.health.HealthRules;
import java.util.Locale;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Throughput of the job's pipeline (decode, device health and alerts, building directory, history
 * windows) with a generated in-memory source and discarding sinks, next to a pass-through job (same
 * source, no decoding, straight to a discarding sink), both at parallelism 1 on a local in-process
 * cluster.
 *
 * <p>Not a test: surefire does not pick it up. The README ("Benchmarks") has the command. Arguments
 * (all optional): devices, warm-up events, measured events, rounds.
 *
 * <p>Events per CPU-second divide by the CPU time of the whole process over the measured interval
 * (task threads, JIT, GC), which is the "per core" figure on a machine shared with other work.
 */
public final class ThroughputBenchmark {

  public static void main(String[] args) throws Exception {
    int devices = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 300_000;
    int measured = args.length > 2 ? Integer.parseInt(args[2]) : 1_500_000;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    System.out.printf(
        "devices=%d warm-up=%d measured=%d rounds=%d cores=%d java=%s%n",
        devices,
        warmUp,
        measured,
        rounds,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    byte[][] data = TelemetryWorkload.encoded(devices, warmUp + measured);
    long bytes = 0;
    for (byte[] record : data) {
      bytes += record.length;
    }
    System.out.printf("mean record size %d bytes%n", bytes / data.length);

    for (int round = 1; round <= rounds; round++) {
      Result passThrough = run("pass-through", data, warmUp, measured, false);
      Result pipeline = run("pipeline", data, warmUp, measured, true);
      System.out.printf(
          Locale.ROOT,
          "round %d: %s | %s | pipeline/pass-through (per CPU-s) = %.2f%n",
          round,
          passThrough,
          pipeline,
          pipeline.perCpuSecond() / passThrough.perCpuSecond());
    }
  }

  /**
   * @param gcSeconds collection time reported by the JVM's collectors over the measured events
   *     (G1: young and mixed pauses, run on up to all cores)
   */
  record Result(String job, int events, double wallSeconds, double cpuSeconds, double gcSeconds) {
    double perSecond() {
      return events / wallSeconds;
    }

    double perCpuSecond() {
      return events / cpuSeconds;
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%s: %,.0f events/s wall, %,.0f events per CPU-s (%.2f cores busy, GC %.1f s of %.1f s)",
          job,
          perSecond(),
          perCpuSecond(),
          cpuSeconds / wallSeconds,
          gcSeconds,
          wallSeconds);
    }
  }

  private static Result run(
      String name, byte[][] data, int warmUp, int measured, boolean fullPipeline)
      throws Exception {
    Configuration conf = AnalyticsJob.loopbackOnly(0);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, conf);
    String key = name + System.nanoTime();
    ArraySource source = new ArraySource(key, data, warmUp);
    if (fullPipeline) {
      new AnalyticsJob(
              HealthRules.defaults(),
              source,
              new DiscardingSink<>(),
              new DiscardingSink<>(),
              new DiscardingSink<>())
          .addTo(env);
    } else {
      env.addSource(
              source, "telemetry-source", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO)
          .sinkTo(new DiscardingSink<>());
    }
    env.execute(name);
    long endWall = System.nanoTime();
    long endCpu = ArraySource.processCpuNanos();
    long endGc = ArraySource.gcMillis();
    long[] start = ArraySource.warmedUpAt(key);
    return new Result(
        name,
        measured,
        (endWall - start[0]) / 1e9,
        (endCpu - start[1]) / 1e9,
        (endGc - start[2]) / 1e3);
  }
}
