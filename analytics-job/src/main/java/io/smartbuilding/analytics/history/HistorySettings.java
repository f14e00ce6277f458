package io.smartbuilding.analytics.history;

import java.io.Serializable;
import java.time.Duration;

/**
 * The history aggregates.
 *
 * @param allowedLateness how long after a window closed a late reading still updates it (the item
 *     is rewritten with the new totals); later readings go to the late side output
 * @param deviceRetention how long per-device one-minute buckets are kept (DynamoDB TTL)
 * @param rollupRetention how long zone, floor and building five-minute buckets are kept
 */
public record HistorySettings(
    Duration allowedLateness, Duration deviceRetention, Duration rollupRetention)
    implements Serializable {

  public static final Duration DEFAULT_ALLOWED_LATENESS = Duration.ofMinutes(2);
  public static final Duration DEFAULT_DEVICE_RETENTION = Duration.ofDays(7);
  public static final Duration DEFAULT_ROLLUP_RETENTION = Duration.ofDays(90);

  public HistorySettings {
    if (allowedLateness.isNegative()) {
      throw new IllegalArgumentException("allowedLateness must be >= 0");
    }
    if (deviceRetention.isNegative() || deviceRetention.isZero()) {
      throw new IllegalArgumentException("deviceRetention must be positive");
    }
    if (rollupRetention.isNegative() || rollupRetention.isZero()) {
      throw new IllegalArgumentException("rollupRetention must be positive");
    }
  }

  public static HistorySettings defaults() {
    return new HistorySettings(
        DEFAULT_ALLOWED_LATENESS, DEFAULT_DEVICE_RETENTION, DEFAULT_ROLLUP_RETENTION);
  }
}
