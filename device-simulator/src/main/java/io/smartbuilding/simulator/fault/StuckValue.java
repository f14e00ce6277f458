package io.smartbuilding.simulator.fault;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A frozen sensor: from {@code onset} it keeps reporting the reading it had then. Noise vanishes,
 * which is how analytics can tell it from a quiet but healthy device.
 */
public final class StuckValue implements Fault {

  private final Instant onset;
  private Map<String, Double> frozen;

  public StuckValue(Instant onset) {
    this.onset = onset;
  }

  @Override
  public Optional<Map<String, Double>> apply(Map<String, Double> healthy, Instant now) {
    if (now.isBefore(onset)) {
      return Optional.of(healthy);
    }
    if (frozen == null) {
      frozen = Map.copyOf(healthy);
    }
    return Optional.of(frozen);
  }
}
