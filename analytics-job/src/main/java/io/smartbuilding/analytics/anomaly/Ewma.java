package io.smartbuilding.analytics.anomaly;

/**
 * Exponentially weighted moving mean and variance (West 1979 / Finch 2009, incremental form): a
 * baseline that follows slow change and forgets old readings, in constant space.
 *
 * @param count readings seen
 */
public record Ewma(long count, double mean, double variance) {

  public static final Ewma EMPTY = new Ewma(0, 0, 0);

  /** This baseline after {@code x}, with weight {@code alpha} (0 < alpha <= 1) on the new value. */
  public Ewma add(double x, double alpha) {
    if (count == 0) {
      return new Ewma(1, x, 0);
    }
    double diff = x - mean;
    double increment = alpha * diff;
    return new Ewma(count + 1, mean + increment, (1 - alpha) * (variance + diff * increment));
  }

  /**
   * How many standard deviations {@code x} is from the mean. The deviation has a floor (0.1 % of
   * the mean, at least 1e-6), so a metric that has never varied does not turn its first tiny change
   * into an infinite score.
   */
  public double zScore(double x) {
    return (x - mean) / standardDeviation();
  }

  public double standardDeviation() {
    return Math.max(Math.sqrt(variance), Math.max(Math.abs(mean) * 1e-3, 1e-6));
  }
}
