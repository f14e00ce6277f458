package io.smartbuilding.simulator.fault;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** A device that dies or loses its network at {@code onset}: it sends nothing from then on. */
public record Silence(Instant onset) implements Fault {

  @Override
  public Optional<Map<String, Double>> apply(Map<String, Double> healthy, Instant now) {
    return now.isBefore(onset) ? Optional.of(healthy) : Optional.empty();
  }
}
