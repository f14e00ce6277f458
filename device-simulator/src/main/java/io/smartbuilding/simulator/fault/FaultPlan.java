package io.smartbuilding.simulator.fault;

import io.smartbuilding.contracts.telemetry.DeviceType;
import io.smartbuilding.simulator.fleet.Device;
import io.smartbuilding.simulator.fleet.Fleet;
import io.smartbuilding.contracts.telemetry.Metrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Which devices misbehave. Victims are drawn from the seed, so a demo run always breaks the same
 * devices. Overheating hits plant equipment (air handlers, chillers); silence hits any other device
 * that reports {@code temperatureC}, so the analytics job sees both an OVERHEAT and an OFFLINE
 * case.
 *
 * @param overheating ids of devices that overheat, in the order they were drawn
 * @param silent ids of devices that go silent
 */
public record FaultPlan(List<String> overheating, List<String> silent, long seed) {

  public FaultPlan {
    overheating = List.copyOf(overheating);
    silent = List.copyOf(silent);
  }

  /**
   * Draws the victims.
   *
   * @throws IllegalArgumentException when the fleet has fewer candidates than asked for
   */
  public static FaultPlan choose(Fleet fleet, int overheatCount, int silentCount, long seed) {
    Random random = new Random(seed);
    List<Device> plant =
        fleet.devices().stream()
            .filter(d -> d.type() == DeviceType.AIR_HANDLER || d.type() == DeviceType.CHILLER)
            .toList();
    List<String> overheating =
        draw(plant, overheatCount, random, "overheat", "air handlers and chillers");
    Set<String> taken = new HashSet<>(overheating);
    List<Device> others =
        fleet.devices().stream()
            .filter(d -> Metrics.reportsTemperature(d.type()) && !taken.contains(d.id()))
            .toList();
    List<String> silent =
        draw(
            others,
            silentCount,
            random,
            "silent",
            "devices reporting temperatureC"
                + (overheating.isEmpty() ? "" : " that do not overheat"));
    return new FaultPlan(overheating, silent, seed);
  }

  /** No faults at all. */
  public static FaultPlan none() {
    return new FaultPlan(List.of(), List.of(), 0);
  }

  /** The fault a device suffers in a run whose faults begin at {@code onset}. */
  public Fault faultFor(Device device, Instant onset) {
    if (silent.contains(device.id())) {
      return new Silence(onset);
    }
    if (overheating.contains(device.id())) {
      Random random = new Random(seed * 31 + device.id().hashCode());
      double peakC = 76 + 3 * random.nextDouble();
      return new Overheat(onset, Overheat.DEFAULT_RAMP, peakC);
    }
    return Fault.NONE;
  }

  public boolean isSilent(String deviceId) {
    return silent.contains(deviceId);
  }

  private static List<String> draw(
      List<Device> candidates, int count, Random random, String what, String pool) {
    if (count < 0) {
      throw new IllegalArgumentException(what + " count must not be negative, got " + count);
    }
    if (count > candidates.size()) {
      throw new IllegalArgumentException(
          "cannot make "
              + count
              + " devices "
              + what
              + ": the fleet has only "
              + candidates.size()
              + " "
              + pool);
    }
    List<String> ids = new ArrayList<>(candidates.stream().map(Device::id).toList());
    Collections.shuffle(ids, random);
    return ids.subList(0, count);
  }

  /** Describes the plan for the start-up banner. */
  public String describe(Duration after) {
    if (overheating.isEmpty() && silent.isEmpty()) {
      return "faults: none";
    }
    return "faults after "
        + after.toMillis() / 1000.0
        + "s: overheat="
        + overheating
        + " silent="
        + silent;
  }
}
