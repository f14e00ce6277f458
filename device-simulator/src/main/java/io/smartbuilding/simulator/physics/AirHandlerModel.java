package io.smartbuilding.simulator.physics;

import static io.smartbuilding.contracts.telemetry.Metrics.FAN_SPEED_PCT;
import static io.smartbuilding.contracts.telemetry.Metrics.FILTER_PRESSURE_DROP_PA;
import static io.smartbuilding.contracts.telemetry.Metrics.SUPPLY_AIR_TEMP_C;
import static io.smartbuilding.contracts.telemetry.Metrics.TEMPERATURE_C;
import static io.smartbuilding.contracts.telemetry.Metrics.VIBRATION_MM_S;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

/**
 * An air handling unit. The fan runs slow at night and fast in office hours; its motor ({@code
 * temperatureC}, ~35-45 °C) warms with speed, vibration grows with speed, and the filter's pressure
 * drop grows with the square of the air flow and slowly as the filter loads with dust.
 */
final class AirHandlerModel implements DeviceModel {

  private final DailyCycle cycle;
  private final Noise noise;
  private final double nightFanPct;
  private final double dayFanPct;
  private final double cleanFilterDropPa;
  private final double filterLoadingPaPerHour;
  private final Lag motor = new Lag(Duration.ofMinutes(10));
  private Instant firstSample;

  AirHandlerModel(DailyCycle cycle, Random random) {
    this.cycle = cycle;
    this.noise = new Noise(random);
    this.nightFanPct = noise.between(25, 35);
    this.dayFanPct = noise.between(75, 90);
    this.cleanFilterDropPa = noise.between(140, 180);
    this.filterLoadingPaPerHour = noise.between(0.1, 0.4);
  }

  @Override
  public Map<String, Double> sample(Instant now) {
    if (firstSample == null) {
      firstSample = now;
    }
    double occupied = cycle.occupancy(now);
    double warmth = cycle.warmth(now);
    double fanPct =
        Reading.clamp(
            nightFanPct + (dayFanPct - nightFanPct) * occupied + 3 * warmth + noise.gaussian(1.0),
            0,
            100);
    double flow = fanPct / 100;
    double motorC = motor.next(34 + 9 * flow + warmth, now) + noise.gaussian(0.2);
    double supplyAirC = 14.5 - 1.5 * occupied + noise.gaussian(0.2);
    double vibration = 1.2 + 1.6 * flow + noise.gaussian(0.08);
    double hours = Duration.between(firstSample, now).toMinutes() / 60.0;
    double filterDrop =
        (cleanFilterDropPa + filterLoadingPaPerHour * hours) * flow * flow + noise.gaussian(1.5);
    return new Reading()
        .with(TEMPERATURE_C, motorC)
        .with(SUPPLY_AIR_TEMP_C, supplyAirC)
        .with(FAN_SPEED_PCT, fanPct)
        .with(VIBRATION_MM_S, Math.max(0.1, vibration))
        .with(FILTER_PRESSURE_DROP_PA, Math.max(1, filterDrop))
        .values();
  }
}
