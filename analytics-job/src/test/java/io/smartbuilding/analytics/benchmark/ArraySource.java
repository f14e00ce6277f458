package io.smartbuilding.analytics.benchmark;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.streaming.api.functions.source.SourceFunction;

/**
 * Emits pre-encoded records held in this JVM (a MiniCluster runs in it), so the source costs next
 * to nothing. Marks the moment the warm-up is over, in wall and in process CPU time.
 */
@SuppressWarnings("deprecation") // the job's source type
final class ArraySource implements SourceFunction<byte[]> {

  private static final Map<String, byte[][]> DATA = new ConcurrentHashMap<>();
  private static final Map<String, long[]> WARM = new ConcurrentHashMap<>();

  private final String name;
  private final int warmUp;
  private volatile boolean running = true;

  ArraySource(String name, byte[][] data, int warmUp) {
    this.name = name;
    this.warmUp = warmUp;
    DATA.put(name, data);
  }

  /** {wall nanos, process CPU nanos, GC millis} at the end of the warm-up. */
  static long[] warmedUpAt(String name) {
    return WARM.get(name);
  }

  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Time the collectors report for their pauses and cycles, all collectors added up. */
  static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  @Override
  public void run(SourceContext<byte[]> ctx) {
    byte[][] data = DATA.get(name);
    for (int i = 0; i < data.length && running; i++) {
      if (i == warmUp) {
        WARM.put(name, new long[] {System.nanoTime(), processCpuNanos(), gcMillis()});
      }
      synchronized (ctx.getCheckpointLock()) {
        ctx.collect(data[i]);
      }
    }
  }

  @Override
  public void cancel() {
    running = false;
  }
}
