package io.smartbuilding.simulator;

import io.smartbuilding.simulator.fault.PlannedFault;
import io.smartbuilding.simulator.fleet.FleetSpec;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What to simulate, independent of where the readings go.
 *
 * @param ratePerDevice readings per second per device; below 1 means one every few seconds
 * @param duration how long to run; zero runs until stopped
 * @param faultAfter time from start until the faults begin
 * @param timeZone local time of the buildings, for office hours and the daily temperature cycle
 * @param timeline faults at given devices and times (from a scenario file), besides the drawn ones
 * @param randomFaultFraction share of the fleet that gets a random fault at a random time
 */
public record SimulationSettings(
    FleetSpec fleet,
    double ratePerDevice,
    Duration duration,
    long seed,
    int overheat,
    int silent,
    Duration faultAfter,
    ZoneId timeZone,
    List<PlannedFault> timeline,
    double randomFaultFraction) {

  /** One reading a millisecond per device is far beyond any real sensor. */
  public static final double MAX_RATE_PER_DEVICE = 1000;

  public SimulationSettings {
    Objects.requireNonNull(fleet, "fleet");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(faultAfter, "faultAfter");
    Objects.requireNonNull(timeZone, "timeZone");
    timeline = List.copyOf(timeline);
    if (!(randomFaultFraction >= 0 && randomFaultFraction <= 1)) {
      throw new IllegalArgumentException(
          "random-faults must be a fraction of the fleet between 0 and 1, got "
              + randomFaultFraction);
    }
    if (!(ratePerDevice > 0 && ratePerDevice <= MAX_RATE_PER_DEVICE)) {
      throw new IllegalArgumentException(
          "rate must be above 0 and at most "
              + (int) MAX_RATE_PER_DEVICE
              + " messages per second per device, got "
              + ratePerDevice);
    }
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative, got " + duration);
    }
    if (faultAfter.isNegative()) {
      throw new IllegalArgumentException("fault-after must not be negative, got " + faultAfter);
    }
    if (overheat < 0 || silent < 0) {
      throw new IllegalArgumentException("fault counts must not be negative");
    }
  }

  public SimulationSettings(
      FleetSpec fleet,
      double ratePerDevice,
      Duration duration,
      long seed,
      int overheat,
      int silent,
      Duration faultAfter,
      ZoneId timeZone) {
    this(fleet, ratePerDevice, duration, seed, overheat, silent, faultAfter, timeZone, List.of(), 0);
  }

  /** The span over which random faults begin: the run, or an hour for open-ended runs. */
  public Duration randomFaultWindow() {
    return duration.isZero() ? Duration.ofHours(1) : duration;
  }

  /** Time between two readings of one device. */
  public Duration period() {
    return Duration.ofNanos(Math.round(1_000_000_000 / ratePerDevice));
  }

  public boolean runsUntilStopped() {
    return duration.isZero();
  }
}
