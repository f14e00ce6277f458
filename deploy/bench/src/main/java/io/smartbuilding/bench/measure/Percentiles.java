package io.smartbuilding.bench.measure;

import java.util.Arrays;
import java.util.List;

/** Nearest-rank percentiles of latency samples (milliseconds). */
public final class Percentiles {
  private final long[] sorted;

  private Percentiles(long[] sorted) {
    this.sorted = sorted;
  }

  public static Percentiles of(List<Long> samples) {
    long[] values = samples.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(values);
    return new Percentiles(values);
  }

  public int count() {
    return sorted.length;
  }

  /**
   * The smallest sample with at least {@code p} percent of the samples at or below it (nearest
   * rank, so every answer is a measured value, never an interpolation); -1 without samples.
   */
  public long at(double p) {
    if (p <= 0 || p > 100) {
      throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
    }
    if (sorted.length == 0) {
      return -1;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }
}
