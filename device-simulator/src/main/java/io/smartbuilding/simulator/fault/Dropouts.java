package io.smartbuilding.simulator.fault;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A flaky radio or network: from {@code onset} each reading is lost with {@code probability}. The
 * draws come from a seeded generator, so a replay loses the same readings.
 */
public final class Dropouts implements Fault {

  private final Instant onset;
  private final double probability;
  private final Random random;

  public Dropouts(Instant onset, double probability, long seed) {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("dropout probability must be 0-1, got " + probability);
    }
    this.onset = onset;
    this.probability = probability;
    this.random = new Random(seed);
  }

  @Override
  public Optional<Map<String, Double>> apply(Map<String, Double> healthy, Instant now) {
    if (now.isBefore(onset)) {
      return Optional.of(healthy);
    }
    return random.nextDouble() < probability ? Optional.empty() : Optional.of(healthy);
  }
}
