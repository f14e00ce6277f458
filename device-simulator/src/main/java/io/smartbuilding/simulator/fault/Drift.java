package io.smartbuilding.simulator.fault;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One metric moves away from the truth at a steady pace from {@code onset}, up to {@code maxShift}:
 * a drifting sensor, a filter loading with dust (its pressure drop climbs), and the like.
 */
public record Drift(String metric, Instant onset, double perMinute, double maxShift)
    implements Fault {

  @Override
  public Optional<Map<String, Double>> apply(Map<String, Double> healthy, Instant now) {
    Double value = healthy.get(metric);
    if (value == null || now.isBefore(onset)) {
      return Optional.of(healthy);
    }
    double minutes = Duration.between(onset, now).toMillis() / 60_000.0;
    double shift = Math.signum(perMinute) * Math.min(Math.abs(maxShift), Math.abs(perMinute) * minutes);
    Map<String, Double> changed = new LinkedHashMap<>(healthy);
    changed.put(metric, Math.round((value + shift) * 100.0) / 100.0);
    return Optional.of(changed);
  }
}
