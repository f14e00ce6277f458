package io.smartbuilding.simulator.fault;

import io.smartbuilding.contracts.telemetry.Metrics;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A motor or compressor overheating: from {@code onset} its {@code temperatureC} climbs steadily
 * from its normal value to {@code peakC} over {@code ramp} and stays there, with the sensor's
 * normal noise still on it.
 */
public final class Overheat implements Fault {

  /** How long the climb takes; long enough to see on a dashboard, short enough for a demo. */
  public static final Duration DEFAULT_RAMP = Duration.ofSeconds(15);

  private final Instant onset;
  private final Duration ramp;
  private final double peakC;
  private Double normalAtOnset;

  public Overheat(Instant onset, Duration ramp, double peakC) {
    if (ramp.isNegative() || ramp.isZero()) {
      throw new IllegalArgumentException("ramp must be positive, got " + ramp);
    }
    this.onset = onset;
    this.ramp = ramp;
    this.peakC = peakC;
  }

  @Override
  public Optional<Map<String, Double>> apply(Map<String, Double> healthy, Instant now) {
    Double normal = healthy.get(Metrics.TEMPERATURE_C);
    if (normal == null || now.isBefore(onset)) {
      return Optional.of(healthy);
    }
    if (normalAtOnset == null) {
      normalAtOnset = normal;
    }
    double progress =
        Math.min(1.0, Duration.between(onset, now).toMillis() / (double) ramp.toMillis());
    // Shift by a growing offset rather than pinning the value, so the noise stays visible.
    double heated = normal + (peakC - normalAtOnset) * progress;
    Map<String, Double> changed = new LinkedHashMap<>(healthy);
    changed.put(Metrics.TEMPERATURE_C, Math.round(heated * 100.0) / 100.0);
    return Optional.of(changed);
  }

  public Instant onset() {
    return onset;
  }

  public double peakC() {
    return peakC;
  }
}
