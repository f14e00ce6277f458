package io.smartbuilding.simulator.fault;

import io.smartbuilding.contracts.telemetry.Metrics;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A worn fan bearing: vibration grows faster and faster (quadratically in time) until it reaches
 * the ISO 10816 "damage" zone of ~18 mm/s, where it stays.
 *
 * @param doubling time after onset at which vibration has doubled
 */
public record BearingWear(Instant onset, Duration doubling) implements Fault {

  public static final double MAX_MM_S = 18;

  @Override
  public Optional<Map<String, Double>> apply(Map<String, Double> healthy, Instant now) {
    Double normal = healthy.get(Metrics.VIBRATION_MM_S);
    if (normal == null || now.isBefore(onset)) {
      return Optional.of(healthy);
    }
    double t = Duration.between(onset, now).toMillis() / (double) doubling.toMillis();
    double worn = Math.min(MAX_MM_S, normal * (1 + t * t));
    Map<String, Double> changed = new LinkedHashMap<>(healthy);
    changed.put(Metrics.VIBRATION_MM_S, Math.round(worn * 100.0) / 100.0);
    return Optional.of(changed);
  }
}
