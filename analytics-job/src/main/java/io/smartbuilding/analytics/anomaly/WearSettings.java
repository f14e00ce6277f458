package io.smartbuilding.analytics.anomaly;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * The wear trend: readings are averaged per bucket, and a straight line fitted through the latest
 * buckets says when the metric reaches the limit of its ABOVE rule.
 *
 * @param metrics the wear metrics (filter pressure drop, vibration)
 * @param bucket length of one averaged point
 * @param windowBuckets points the line is fitted through (the oldest drop out: bounded state)
 * @param minBuckets points needed before anything is predicted
 * @param horizon PREDICTED_WEAR is raised when the limit is predicted within this
 */
public record WearSettings(
    List<String> metrics, Duration bucket, int windowBuckets, int minBuckets, Duration horizon)
    implements Serializable {

  public static final WearSettings DEFAULTS =
      new WearSettings(
          List.of("filterPressureDropPa", "vibrationMmS"),
          Duration.ofMinutes(5),
          48,
          6,
          Duration.ofDays(14));

  public WearSettings {
    metrics = List.copyOf(metrics);
    if (bucket.isNegative() || bucket.isZero() || horizon.isNegative() || horizon.isZero()) {
      throw new IllegalArgumentException("wear bucket and horizon must be positive");
    }
    if (minBuckets < 2 || windowBuckets < minBuckets) {
      throw new IllegalArgumentException(
          "wear needs 2 <= min buckets <= window buckets, got "
              + minBuckets
              + ", "
              + windowBuckets);
    }
  }
}
