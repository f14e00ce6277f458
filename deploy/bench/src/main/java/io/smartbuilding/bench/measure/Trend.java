package io.smartbuilding.bench.measure;

import java.util.List;

/** Least-squares slope of evenly spaced samples: how fast a lag grows, per sample interval. */
public final class Trend {
  private Trend() {}

  public static double slope(List<Double> samples) {
    int n = samples.size();
    if (n < 2) {
      return 0;
    }
    double meanX = (n - 1) / 2.0;
    double meanY = samples.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double num = 0;
    double den = 0;
    for (int i = 0; i < n; i++) {
      double dx = i - meanX;
      num += dx * (samples.get(i) - meanY);
      den += dx * dx;
    }
    return num / den;
  }
}
