package io.smartbuilding.analytics.anomaly;

/**
 * The recent wear of one device's metric: averages of completed buckets (oldest first, at most the
 * window's size) and the bucket being filled.
 *
 * @param pointMs event time of each completed bucket's middle
 * @param pointValue the average of each completed bucket
 * @param alerted a PREDICTED_WEAR alert is open
 */
public record WearWindow(
    long[] pointMs,
    double[] pointValue,
    long currentBucket,
    double currentSum,
    int currentCount,
    boolean alerted) {

  public int size() {
    return pointMs.length;
  }
}
