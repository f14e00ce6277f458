package io.smartbuilding.simulator.scenario;

import io.smartbuilding.simulator.fault.PlannedFault;
import io.smartbuilding.simulator.fleet.FleetSpec;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A replayable run read from a scenario file: the building portfolio, the seed and the fault
 * timeline, plus optional rate and duration. Values left out fall back to the command line.
 *
 * @param timeline faults at named devices, at times measured from the start of the faults
 */
public record Scenario(
    FleetSpec portfolio,
    OptionalLong seed,
    OptionalDouble ratePerDevice,
    Optional<Duration> duration,
    Optional<Duration> faultAfter,
    Optional<ZoneId> timeZone,
    double randomFaults,
    List<PlannedFault> timeline) {

  public Scenario {
    timeline = List.copyOf(timeline);
  }
}
