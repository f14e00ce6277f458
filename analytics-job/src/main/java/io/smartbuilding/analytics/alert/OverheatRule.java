package io.smartbuilding.analytics.alert;

import io.smartbuilding.contracts.telemetry.Metrics;
import io.smartbuilding.contracts.telemetry.Telemetry;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/**
 * OVERHEAT with hysteresis: opens on a {@value #METRIC} reading above the limit, follows the
 * episode (one alert, updated), and resolves at or below {@code limit - hysteresis}.
 */
public final class OverheatRule implements Serializable {

  public static final String METRIC = Metrics.TEMPERATURE_C;

  private final double limitC;
  private final double resolvedAtOrBelowC;

  public OverheatRule(double limitC, double hysteresisC) {
    this.limitC = limitC;
    this.resolvedAtOrBelowC = limitC - hysteresisC;
  }

  /**
   * The new version of the device's OVERHEAT alert after {@code reading}, or empty when the reading
   * changes nothing (no alert open and none opens, no temperature in the reading, or a reading
   * inside the hysteresis band).
   *
   * @param open the device's open OVERHEAT alert, or null
   */
  public Optional<Alert> apply(Alert open, Telemetry reading, Instant now) {
    Double value = reading.metric(METRIC);
    if (value == null) {
      return Optional.empty();
    }
    if (open == null) {
      return value > limitC
          ? Optional.of(Alert.overheat(reading, value, limitC, now))
          : Optional.empty();
    }
    if (value <= resolvedAtOrBelowC) {
      return Optional.of(open.resolved(reading.ts(), now));
    }
    if (value > limitC) {
      return Optional.of(open.stillOverheating(value, reading.ts(), now));
    }
    // Between the resolve level and the limit the episode goes on unchanged: no longer over the
    // limit, not yet cool enough to call it over.
    return Optional.empty();
  }
}
