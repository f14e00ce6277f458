package io.smartbuilding.simulator.physics;

import static io.smartbuilding.contracts.telemetry.Metrics.COMPRESSOR_CURRENT_A;
import static io.smartbuilding.contracts.telemetry.Metrics.RETURN_WATER_TEMP_C;
import static io.smartbuilding.contracts.telemetry.Metrics.SUPPLY_WATER_TEMP_C;
import static io.smartbuilding.contracts.telemetry.Metrics.TEMPERATURE_C;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

/**
 * A chiller. Its cooling load follows people and the afternoon heat; the compressor ({@code
 * temperatureC}, ~40-50 °C) and its current rise with load, and the return water comes back warmer
 * the more heat the building rejects.
 */
final class ChillerModel implements DeviceModel {

  private final DailyCycle cycle;
  private final Noise noise;
  private final double supplySetpointC;
  private final double ratedCurrentA;
  private final Lag compressor = new Lag(Duration.ofMinutes(10));

  ChillerModel(DailyCycle cycle, Random random) {
    this.cycle = cycle;
    this.noise = new Noise(random);
    this.supplySetpointC = noise.between(6.2, 7.2);
    this.ratedCurrentA = noise.between(140, 170);
  }

  @Override
  public Map<String, Double> sample(Instant now) {
    double load =
        Reading.clamp(
            0.25 + 0.45 * cycle.occupancy(now) + 0.2 * cycle.warmth(now) + noise.gaussian(0.02),
            0.1,
            1.0);
    double compressorC = compressor.next(40 + 8.5 * load, now) + noise.gaussian(0.2);
    double supplyC = supplySetpointC + 0.4 * load + noise.gaussian(0.1);
    double returnC = supplyC + 2.5 + 3.5 * load + noise.gaussian(0.1);
    double current = ratedCurrentA * (0.2 + 0.8 * load) + noise.gaussian(1.5);
    return new Reading()
        .with(TEMPERATURE_C, compressorC)
        .with(SUPPLY_WATER_TEMP_C, supplyC)
        .with(RETURN_WATER_TEMP_C, returnC)
        .with(COMPRESSOR_CURRENT_A, current)
        .values();
  }
}
