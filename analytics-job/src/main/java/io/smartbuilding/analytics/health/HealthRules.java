package io.smartbuilding.analytics.health;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * The thresholds behind device status and alerts.
 *
 * @param overheatLimitC an OVERHEAT alert opens on a {@code temperatureC} reading above this
 * @param overheatHysteresisC and resolves only at or below {@code limit - hysteresis}, so a reading
 *     that hovers around the limit does not open and close alerts all the time
 * @param offlineAfter silence after which a device is OFFLINE (processing time)
 * @param maxLateness a reading whose ts is more than this before the device's last accepted ts is
 *     late: counted and set aside instead of changing the device's health
 */
public record HealthRules(
    double overheatLimitC,
    double overheatHysteresisC,
    Duration offlineAfter,
    Duration maxLateness)
    implements Serializable {

  public static final double DEFAULT_OVERHEAT_LIMIT_C = 60.0;
  public static final double DEFAULT_OVERHEAT_HYSTERESIS_C = 2.0;
  public static final Duration DEFAULT_OFFLINE_AFTER = Duration.ofSeconds(60);
  public static final Duration DEFAULT_MAX_LATENESS = Duration.ofMinutes(5);

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
    if (maxLateness.isNegative()) {
      throw new IllegalArgumentException("max lateness must be >= 0, got " + maxLateness);
    }
  }

  public HealthRules(double overheatLimitC, double overheatHysteresisC, Duration offlineAfter) {
    this(overheatLimitC, overheatHysteresisC, offlineAfter, DEFAULT_MAX_LATENESS);
  }

  public static HealthRules defaults() {
    return new HealthRules(
        DEFAULT_OVERHEAT_LIMIT_C,
        DEFAULT_OVERHEAT_HYSTERESIS_C,
        DEFAULT_OFFLINE_AFTER,
        DEFAULT_MAX_LATENESS);
  }

  /** The temperature at or below which an open OVERHEAT alert resolves. */
  public double overheatResolvedAtOrBelowC() {
    return overheatLimitC - overheatHysteresisC;
  }

  /** Whether {@code reading} is too far behind the device's last accepted message. */
  public boolean isLate(Instant reading, Instant lastAccepted) {
    return reading.isBefore(lastAccepted.minus(maxLateness));
  }
}
