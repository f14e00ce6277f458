package io.smartbuilding.simulator.fault;

import io.smartbuilding.simulator.physics.Battery;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A failing battery: from {@code onset} the battery level falls linearly to zero over {@code
 * ramp}; below {@link #BROWN_OUT_PCT} the device stops sending, as a real one browns out.
 */
public final class BatteryDrain implements Fault {

  public static final double BROWN_OUT_PCT = 2;

  private final Instant onset;
  private final Duration ramp;
  private Double levelAtOnset;

  public BatteryDrain(Instant onset, Duration ramp) {
    if (ramp.isNegative() || ramp.isZero()) {
      throw new IllegalArgumentException("ramp must be positive, got " + ramp);
    }
    this.onset = onset;
    this.ramp = ramp;
  }

  @Override
  public Optional<Map<String, Double>> apply(Map<String, Double> healthy, Instant now) {
    Double level = healthy.get(Battery.METRIC);
    if (level == null || now.isBefore(onset)) {
      return Optional.of(healthy);
    }
    if (levelAtOnset == null) {
      levelAtOnset = level;
    }
    double progress = Duration.between(onset, now).toMillis() / (double) ramp.toMillis();
    double drained = Math.max(0, levelAtOnset * (1 - progress));
    if (drained < BROWN_OUT_PCT) {
      return Optional.empty();
    }
    Map<String, Double> changed = new LinkedHashMap<>(healthy);
    changed.put(Battery.METRIC, Math.round(drained * 10.0) / 10.0);
    return Optional.of(changed);
  }
}
