package io.smartbuilding.analytics.history;

/**
 * Running min/max/sum/count of one metric in one window. Mutable with public fields: it is window
 * state, updated in place for every reading, and Flink serializes it as a POJO (no Kryo).
 */
public class MetricStats {

  public double min = Double.POSITIVE_INFINITY;
  public double max = Double.NEGATIVE_INFINITY;
  public double sum;
  public long count;

  public MetricStats() {}

  void add(double value) {
    min = Math.min(min, value);
    max = Math.max(max, value);
    sum += value;
    count++;
  }

  static MetricStats merged(MetricStats a, MetricStats b) {
    MetricStats result = new MetricStats();
    result.min = Math.min(a.min, b.min);
    result.max = Math.max(a.max, b.max);
    result.sum = a.sum + b.sum;
    result.count = a.count + b.count;
    return result;
  }
}
