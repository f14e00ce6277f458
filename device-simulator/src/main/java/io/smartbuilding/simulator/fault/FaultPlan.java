package io.smartbuilding.simulator.fault;

import io.smartbuilding.contracts.telemetry.DeviceType;
import io.smartbuilding.contracts.telemetry.Metrics;
import io.smartbuilding.simulator.fleet.Device;
import io.smartbuilding.simulator.fleet.Fleet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which devices misbehave, how and when: a timeline of {@link PlannedFault}s, measured from the
 * start of the faults. Random choices come from the seed, so a run can be replayed exactly.
 *
 * <p>The classic demo plan ({@link #choose}) overheats plant equipment (air handlers, chillers) and
 * silences another device that reports {@code temperatureC}, so the analytics job sees both an
 * OVERHEAT and an OFFLINE case.
 */
public record FaultPlan(List<PlannedFault> faults, long seed) {

  public FaultPlan {
    faults = List.copyOf(faults);
  }

  /**
   * Draws the demo victims; their faults all begin at the start of the faults.
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
    List<PlannedFault> faults = new ArrayList<>();
    overheating.forEach(id -> faults.add(new PlannedFault(id, FaultKind.OVERHEAT, Duration.ZERO)));
    silent.forEach(id -> faults.add(new PlannedFault(id, FaultKind.SILENT, Duration.ZERO)));
    return new FaultPlan(faults, seed);
  }

  /** No faults at all. */
  public static FaultPlan none() {
    return new FaultPlan(List.of(), 0);
  }

  /**
   * Adds random faults: {@code fraction} of the fleet, each with a kind it can suffer and an onset
   * spread evenly at random over {@code window}. Devices already in the plan are skipped.
   */
  public FaultPlan withRandomFaults(Fleet fleet, double fraction, Duration window) {
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException("random fault fraction must be 0-1, got " + fraction);
    }
    Random random = new Random(seed ^ 0x5DEECE66DL);
    Set<String> taken = faults.stream().map(PlannedFault::deviceId).collect(Collectors.toSet());
    List<Device> candidates = new ArrayList<>(fleet.devices());
    candidates.removeIf(d -> taken.contains(d.id()));
    Collections.shuffle(candidates, random);
    int count = (int) Math.round(fraction * fleet.size());
    List<PlannedFault> all = new ArrayList<>(faults);
    FaultKind[] kinds = FaultKind.values();
    for (Device device : candidates.subList(0, Math.min(count, candidates.size()))) {
      List<FaultKind> possible = new ArrayList<>();
      for (FaultKind kind : kinds) {
        if (kind.appliesTo(device)) {
          possible.add(kind);
        }
      }
      FaultKind kind = possible.get(random.nextInt(possible.size()));
      long atMillis = (long) (random.nextDouble() * window.toMillis());
      all.add(new PlannedFault(device.id(), kind, Duration.ofMillis(atMillis)));
    }
    return new FaultPlan(all, seed);
  }

  /** Ids of the devices that overheat, in the order they were planned. */
  public List<String> overheating() {
    return idsOf(FaultKind.OVERHEAT);
  }

  /** Ids of the devices that go silent. */
  public List<String> silent() {
    return idsOf(FaultKind.SILENT);
  }

  public boolean isSilent(String deviceId) {
    return silent().contains(deviceId);
  }

  private List<String> idsOf(FaultKind kind) {
    return faults.stream().filter(f -> f.kind() == kind).map(PlannedFault::deviceId).toList();
  }

  /** The planned faults by device, for a large fleet's start-up. */
  public Map<String, List<PlannedFault>> byDevice() {
    Map<String, List<PlannedFault>> map = new HashMap<>();
    for (PlannedFault f : faults) {
      map.computeIfAbsent(f.deviceId(), k -> new ArrayList<>()).add(f);
    }
    return map;
  }

  /** The fault a device suffers when the faults start at {@code start}. */
  public Fault faultFor(Device device, Instant start) {
    return faultFor(device, start, byDevice().getOrDefault(device.id(), List.of()));
  }

  /** As {@link #faultFor(Device, Instant)}, with the device's entries already looked up. */
  public Fault faultFor(Device device, Instant start, List<PlannedFault> planned) {
    Fault fault = null;
    for (PlannedFault f : planned) {
      long deviceSeed = seed * 31 + device.id().hashCode();
      Fault next = f.kind().create(start.plus(f.at()), deviceSeed);
      if (next == Fault.NONE) {
        continue;
      }
      fault = fault == null ? next : fault.andThen(next);
    }
    return fault == null ? Fault.NONE : fault;
  }

  /** The malformed burst a device sends, if the plan has one for it. */
  public Optional<MalformedBurst> malformedFor(Instant start, List<PlannedFault> planned) {
    return planned.stream()
        .filter(f -> f.kind() == FaultKind.MALFORMED_BURST)
        .findFirst()
        .map(f -> new MalformedBurst(start.plus(f.at()), f.count()));
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

  /** Describes the plan for the start-up banner; long plans are summarised by kind. */
  public String describe(Duration after) {
    if (faults.isEmpty()) {
      return "faults: none";
    }
    if (faults.size() > 6) {
      Map<FaultKind, Long> counts =
          faults.stream()
              .collect(
                  Collectors.groupingBy(
                      PlannedFault::kind,
                      () -> new java.util.EnumMap<>(FaultKind.class),
                      Collectors.counting()));
      return "faults after " + after.toMillis() / 1000.0 + "s: " + counts;
    }
    if (faults.stream().allMatch(f -> f.at().isZero() && (f.kind() == FaultKind.OVERHEAT || f.kind() == FaultKind.SILENT))) {
      return "faults after "
          + after.toMillis() / 1000.0
          + "s: overheat="
          + overheating()
          + " silent="
          + silent();
    }
    return "faults after "
        + after.toMillis() / 1000.0
        + "s: "
        + faults.stream()
            .map(f -> f.kind() + "@" + f.deviceId() + "+" + f.at().toMillis() / 1000.0 + "s")
            .collect(Collectors.joining(" "));
  }
}
