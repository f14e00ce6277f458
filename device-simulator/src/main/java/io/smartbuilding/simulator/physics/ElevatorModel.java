package io.smartbuilding.simulator.physics;

import static io.smartbuilding.contracts.telemetry.Metrics.DOOR_FAULTS;
import static io.smartbuilding.contracts.telemetry.Metrics.TEMPERATURE_C;
import static io.smartbuilding.contracts.telemetry.Metrics.TRIPS;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

/**
 * An elevator: a trip counter that runs fast in office hours and almost stops at night, a rare door
 * fault counter, and the machine room temperature (~25-30 °C). Both counters are cumulative, like
 * the registers of a real controller.
 */
final class ElevatorModel implements DeviceModel {

  private static final double NIGHT_TRIPS_PER_HOUR = 2;
  private static final double DOOR_FAULT_PER_TRIP = 0.002;

  private final DailyCycle cycle;
  private final Noise noise;
  private final double peakTripsPerHour;
  private double tripsDue;
  private long trips;
  private long doorFaults;
  private Instant last;

  ElevatorModel(DailyCycle cycle, Random random) {
    this.cycle = cycle;
    this.noise = new Noise(random);
    this.peakTripsPerHour = noise.between(60, 120);
    this.trips = Math.round(noise.between(1_000, 20_000));
    this.doorFaults = Math.round(noise.between(0, 10));
  }

  @Override
  public Map<String, Double> sample(Instant now) {
    double occupied = cycle.occupancy(now);
    if (last != null && now.isAfter(last)) {
      double hours = Duration.between(last, now).toMillis() / 3_600_000.0;
      double perHour = NIGHT_TRIPS_PER_HOUR + (peakTripsPerHour - NIGHT_TRIPS_PER_HOUR) * occupied;
      tripsDue += perHour * hours * noise.between(0.7, 1.3);
      long newTrips = (long) tripsDue;
      tripsDue -= newTrips;
      trips += newTrips;
      for (long i = 0; i < newTrips; i++) {
        if (noise.chance(DOOR_FAULT_PER_TRIP)) {
          doorFaults++;
        }
      }
    }
    last = now;
    double machineRoomC = 26.5 + 1.2 * cycle.warmth(now) + 1.5 * occupied + noise.gaussian(0.15);
    return new Reading()
        .with(TRIPS, trips)
        .with(DOOR_FAULTS, doorFaults)
        .with(TEMPERATURE_C, machineRoomC)
        .values();
  }
}
