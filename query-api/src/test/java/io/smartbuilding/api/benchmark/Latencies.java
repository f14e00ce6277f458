package io.smartbuilding.api.benchmark;

import java.util.Arrays;

/** Response times of one run, in microseconds, and what the report prints of them. */
final class Latencies {

  private final long[] micros;
  private int count;
  private int errors;

  Latencies(int capacity) {
    micros = new long[capacity];
  }

  synchronized void record(long nanos, boolean ok) {
    if (!ok) {
      errors++;
    }
    if (count < micros.length) {
      micros[count++] = nanos / 1000;
    }
  }

  synchronized int count() {
    return count;
  }

  synchronized int errors() {
    return errors;
  }

  /** The {@code p}th percentile in milliseconds (nearest rank). */
  synchronized double percentileMillis(double p) {
    if (count == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(micros, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * count) - 1;
    return sorted[Math.max(0, Math.min(rank, count - 1))] / 1000.0;
  }
}
