package io.smartbuilding.simulator.physics;

import static io.smartbuilding.contracts.telemetry.Metrics.CO2_PPM;
import static io.smartbuilding.contracts.telemetry.Metrics.HUMIDITY_PCT;
import static io.smartbuilding.contracts.telemetry.Metrics.OCCUPANCY;
import static io.smartbuilding.contracts.telemetry.Metrics.TEMPERATURE_C;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

/**
 * A room sensor: temperature swings gently around the zone's setpoint over the day and rises a
 * little with people in the room; CO2 builds up with occupancy and airs out slowly.
 */
final class ZoneSensorModel implements DeviceModel {

  private static final double OUTDOOR_CO2_PPM = 420;
  private static final double PPM_PER_PERSON = 35;

  private final DailyCycle cycle;
  private final Noise noise;
  private final double setpointC;
  private final double swingC;
  private final int capacity;
  private final Lag co2 = new Lag(Duration.ofMinutes(15));
  private final Battery battery;

  ZoneSensorModel(DailyCycle cycle, Random random) {
    this(cycle, random, false);
  }

  /**
   * @param batteryPowered wireless sensors also report their battery level
   */
  ZoneSensorModel(DailyCycle cycle, Random random, boolean batteryPowered) {
    this.cycle = cycle;
    this.noise = new Noise(random);
    this.setpointC = noise.between(21.0, 22.5);
    this.swingC = noise.between(0.8, 1.6);
    this.capacity = (int) Math.round(noise.between(8, 20));
    this.battery = batteryPowered ? new Battery(noise.between(55, 100)) : null;
  }

  @Override
  public Map<String, Double> sample(Instant now) {
    double occupied = cycle.occupancy(now);
    double warmth = cycle.warmth(now);
    long people = Math.round(Reading.clamp(capacity * occupied + noise.gaussian(0.7), 0, capacity));
    double temperature = setpointC + swingC * warmth + 0.8 * occupied + noise.gaussian(0.1);
    double humidity = 45 - 5 * warmth + 4 * occupied + noise.gaussian(0.6);
    double co2Ppm = co2.next(OUTDOOR_CO2_PPM + PPM_PER_PERSON * people, now) + noise.gaussian(5);
    Reading reading =
        new Reading()
            .with(TEMPERATURE_C, temperature)
            .with(HUMIDITY_PCT, humidity)
            .with(CO2_PPM, Math.max(OUTDOOR_CO2_PPM - 20, co2Ppm))
            .with(OCCUPANCY, people);
    if (battery != null) {
      reading.with(Battery.METRIC, battery.levelPct(now));
    }
    return reading.values();
  }
}
