package io.smartbuilding.analytics.anomaly;

import io.smartbuilding.analytics.alert.Sample;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Least-squares trend of a wear metric over a bounded window of bucket averages, and the moment it
 * is predicted to reach its limit. Judged once per completed bucket, so noise within a bucket does
 * not open and close alerts.
 */
public final class WearTrend implements Serializable {

  public enum Outcome {
    NONE,
    OPENED,
    CONTINUED,
    RESOLVED
  }

  /**
   * @param predictedAt when the fitted line reaches the limit; null when it does not rise
   */
  public record Step(WearWindow window, Outcome outcome, Instant predictedAt, double latest) {}

  /** A fitted line: value at {@code atMs} and slope per millisecond. */
  public record Line(double valueAt, long atMs, double slopePerMs) {
    /**
     * When the line reaches {@code limit}; {@code atMs} if already there; null if it never does.
     */
    public Long reachesMs(double limit) {
      if (valueAt >= limit) {
        return atMs;
      }
      if (!(slopePerMs > 0)) {
        return null;
      }
      double ms = (limit - valueAt) / slopePerMs;
      return ms > Long.MAX_VALUE / 4.0 ? null : atMs + (long) ms;
    }
  }

  private final WearSettings settings;

  public WearTrend(WearSettings settings) {
    this.settings = settings;
  }

  /**
   * @param limit the threshold of the metric's ABOVE rule for this device; null when it has none
   */
  public Step apply(WearWindow window, double value, Instant ts, Double limit) {
    long bucketMs = settings.bucket().toMillis();
    long bucket = Math.floorDiv(ts.toEpochMilli(), bucketMs);
    if (window == null) {
      return new Step(
          new WearWindow(new long[0], new double[0], bucket, value, 1, false),
          Outcome.NONE,
          null,
          value);
    }
    if (bucket <= window.currentBucket()) {
      // same bucket (or a reading out of order): it counts towards the bucket being filled
      return new Step(
          new WearWindow(
              window.pointMs(),
              window.pointValue(),
              window.currentBucket(),
              window.currentSum() + value,
              window.currentCount() + 1,
              window.alerted()),
          Outcome.NONE,
          null,
          value);
    }
    long[] ms = append(window.pointMs(), window.currentBucket() * bucketMs + bucketMs / 2);
    double[] values = append(window.pointValue(), window.currentSum() / window.currentCount());
    double latest = values[values.length - 1];
    Long predicted = null;
    if (limit != null && ms.length >= settings.minBuckets()) {
      Line line = fit(ms, values);
      predicted = line.reachesMs(limit);
    }
    boolean within =
        predicted != null && predicted - ms[ms.length - 1] <= settings.horizon().toMillis();
    Outcome outcome =
        within
            ? (window.alerted() ? Outcome.CONTINUED : Outcome.OPENED)
            : (window.alerted() ? Outcome.RESOLVED : Outcome.NONE);
    return new Step(
        new WearWindow(ms, values, bucket, value, 1, within),
        outcome,
        predicted == null ? null : Instant.ofEpochMilli(predicted),
        latest);
  }

  /** The bucket averages as evidence, oldest first. */
  public static List<Sample> evidence(WearWindow window) {
    List<Sample> samples = new ArrayList<>();
    int from = Math.max(0, window.size() - Sample.MAX_EVIDENCE);
    for (int i = from; i < window.size(); i++) {
      samples.add(new Sample(Instant.ofEpochMilli(window.pointMs()[i]), window.pointValue()[i]));
    }
    return samples;
  }

  /** Ordinary least squares through the points, x centred so epoch millis lose no precision. */
  public static Line fit(long[] ms, double[] values) {
    int n = ms.length;
    long origin = ms[0];
    double xm = 0;
    double ym = 0;
    for (int i = 0; i < n; i++) {
      xm += ms[i] - origin;
      ym += values[i];
    }
    xm /= n;
    ym /= n;
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < n; i++) {
      double dx = ms[i] - origin - xm;
      sxy += dx * (values[i] - ym);
      sxx += dx * dx;
    }
    double slope = sxx == 0 ? 0 : sxy / sxx;
    long last = ms[n - 1];
    return new Line(ym + slope * (last - origin - xm), last, slope);
  }

  private long[] append(long[] values, long next) {
    int keep = Math.min(values.length, settings.windowBuckets() - 1);
    long[] result = Arrays.copyOfRange(values, values.length - keep, values.length + 1);
    result[keep] = next;
    return result;
  }

  private double[] append(double[] values, double next) {
    int keep = Math.min(values.length, settings.windowBuckets() - 1);
    double[] result = Arrays.copyOfRange(values, values.length - keep, values.length + 1);
    result[keep] = next;
    return result;
  }
}
