package io.smartbuilding.analytics.anomaly;

import java.io.Serializable;
import java.util.List;

/**
 * The statistical baseline per device and metric.
 *
 * @param metrics the metrics watched (others are ignored, which keeps state small)
 * @param alpha weight of a new reading in the EWMA (0.05: about the last 40 readings count)
 * @param zThreshold a reading further than this many standard deviations from the baseline is
 *     abnormal
 * @param consecutive abnormal readings in a row that raise ANOMALY; as many normal ones resolve it
 * @param warmUp readings that only build the baseline before anything is judged
 */
public record AnomalySettings(
    List<String> metrics, double alpha, double zThreshold, int consecutive, int warmUp)
    implements Serializable {

  public static final AnomalySettings DEFAULTS =
      new AnomalySettings(
          List.of(
              "temperatureC",
              "vibrationMmS",
              "filterPressureDropPa",
              "supplyAirTempC",
              "supplyWaterTempC",
              "compressorCurrentA"),
          0.05,
          4.0,
          5,
          30);

  public AnomalySettings {
    metrics = List.copyOf(metrics);
    if (!(alpha > 0 && alpha <= 1)) {
      throw new IllegalArgumentException("anomaly alpha must be in (0, 1], got " + alpha);
    }
    if (!(zThreshold > 0) || !Double.isFinite(zThreshold)) {
      throw new IllegalArgumentException("anomaly z threshold must be positive, got " + zThreshold);
    }
    if (consecutive < 1 || warmUp < 2) {
      throw new IllegalArgumentException(
          "anomaly consecutive must be >= 1 and warm-up >= 2, got " + consecutive + ", " + warmUp);
    }
  }
}
