package io.smartbuilding.simulator.physics;

import static io.smartbuilding.contracts.telemetry.Metrics.ENERGY_KWH;
import static io.smartbuilding.contracts.telemetry.Metrics.POWER_KW;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

/**
 * A floor's energy meter: power follows occupancy (lights, desks) plus some afternoon cooling; the
 * energy register integrates power over wall time, so it only ever goes up.
 */
final class EnergyMeterModel implements DeviceModel {

  private final DailyCycle cycle;
  private final Noise noise;
  private final double baseKw;
  private final double peakKw;
  private double energyKwh;
  private Instant last;

  EnergyMeterModel(DailyCycle cycle, Random random) {
    this.cycle = cycle;
    this.noise = new Noise(random);
    this.baseKw = noise.between(8, 16);
    this.peakKw = noise.between(30, 60);
    this.energyKwh = noise.between(50_000, 200_000);
  }

  @Override
  public Map<String, Double> sample(Instant now) {
    double powerKw =
        Math.max(
            0.5,
            baseKw
                + (peakKw - baseKw) * cycle.occupancy(now)
                + 3 * Math.max(0, cycle.warmth(now))
                + noise.gaussian(0.8));
    if (last != null && now.isAfter(last)) {
      energyKwh += powerKw * Duration.between(last, now).toMillis() / 3_600_000.0;
    }
    last = now;
    return new Reading().with(POWER_KW, powerKw).with(ENERGY_KWH, energyKwh).values();
  }
}
