package io.smartbuilding.analytics.health;

import java.io.Serializable;
import java.time.Duration;

/**
 * The thresholds behind device status and alerts.
 *
 * @param overheatLimitC an OVERHEAT alert opens on a {@code temperatureC} reading above this
 * @param overheatHysteresisC and resolves only at or below {@code limit - hysteresis}, so a reading
 *     that hovers around the limit does not open and close alerts all the time
 * @param offlineAfter silence after which a device is OFFLINE (processing time)
 */
public record HealthRules(double overheatLimitC, double overheatHysteresisC, Duration offlineAfter)
    implements Serializable {

  public static final double DEFAULT_OVERHEAT_LIMIT_C = 60.0;
  public static final double DEFAULT_OVERHEAT_HYSTERESIS_C = 2.0;
  public static final Duration DEFAULT_OFFLINE_AFTER = Duration.ofSeconds(60);

  public HealthRules {
    if (!Double.isFinite(overheatLimitC)) {
      throw new IllegalArgumentException("overheat limit must be a number, got " + overheatLimitC);
    }
    if (!(overheatHysteresisC >= 0) || !Double.isFinite(overheatHysteresisC)) {
      throw new IllegalArgumentException(
          "overheat hysteresis must be >= 0, got " + overheatHysteresisC);
    }
    if (offlineAfter.isNegative() || offlineAfter.isZero()) {
      throw new IllegalArgumentException("offline-after must be positive, got " + offlineAfter);
    }
  }

  public static HealthRules defaults() {
    return new HealthRules(
        DEFAULT_OVERHEAT_LIMIT_C, DEFAULT_OVERHEAT_HYSTERESIS_C, DEFAULT_OFFLINE_AFTER);
  }

  /** The temperature at or below which an open OVERHEAT alert resolves. */
  public double overheatResolvedAtOrBelowC() {
    return overheatLimitC - overheatHysteresisC;
  }
}
