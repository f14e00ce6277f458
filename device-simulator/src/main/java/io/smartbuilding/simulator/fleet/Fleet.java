package io.smartbuilding.simulator.fleet;

import io.smartbuilding.contracts.telemetry.DeviceType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The devices of all simulated buildings, in a stable order (building, floor, position). */
public record Fleet(FleetSpec spec, List<Device> devices) {

  public Fleet {
    devices = List.copyOf(devices);
  }

  public int size() {
    return devices.size();
  }

  public Optional<Device> device(String id) {
    return devices.stream().filter(d -> d.id().equals(id)).findFirst();
  }

  public List<Device> ofType(DeviceType type) {
    return devices.stream().filter(d -> d.type() == type).toList();
  }

  /** How many devices of each type, for the start-up banner and tests. */
  public Map<DeviceType, Long> countByType() {
    return devices.stream()
        .collect(Collectors.groupingBy(Device::type, TreeMap::new, Collectors.counting()));
  }

  public Map<String, Device> byId() {
    return devices.stream().collect(Collectors.toMap(Device::id, Function.identity()));
  }
}
