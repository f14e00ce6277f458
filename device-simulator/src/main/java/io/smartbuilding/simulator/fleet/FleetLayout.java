package io.smartbuilding.simulator.fleet;

import static io.smartbuilding.contracts.telemetry.DeviceType.AIR_HANDLER;
import static io.smartbuilding.contracts.telemetry.DeviceType.CHILLER;
import static io.smartbuilding.contracts.telemetry.DeviceType.ELEVATOR;
import static io.smartbuilding.contracts.telemetry.DeviceType.ENERGY_METER;
import static io.smartbuilding.contracts.telemetry.DeviceType.ZONE_SENSOR;

import io.smartbuilding.contracts.telemetry.DeviceType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Lays out the devices of a fleet the way a real building is equipped:
 *
 * <ul>
 *   <li>floor 0 is the plant floor: air handlers and chillers in zone {@code f0-plant}, and the
 *       building's elevator (zone {@code f0-core}) when there is room for a third device;
 *   <li>every other floor has an energy meter on its riser ({@code fN-riser}) and zone sensors
 *       spread over the {@code east}, {@code west}, {@code north} and {@code south} zones.
 * </ul>
 *
 * <p>The layout depends only on the spec, so ids are stable across runs and seeds; the seed only
 * picks each device's physical character and the fault victims.
 */
public final class FleetLayout {

  private static final List<String> OFFICE_ZONES = List.of("east", "west", "north", "south");

  private FleetLayout() {}

  public static Fleet of(FleetSpec spec) {
    List<Device> devices = new ArrayList<>(spec.deviceCount());
    for (int b = 1; b <= spec.buildings(); b++) {
      String buildingId = "b" + b;
      for (int floor = 0; floor < spec.floors(); floor++) {
        devices.addAll(floor(buildingId, floor, spec.devicesPerFloor()));
      }
    }
    return new Fleet(spec, devices);
  }

  private static List<Device> floor(String buildingId, int floor, int slots) {
    Map<DeviceType, Integer> numbers = new EnumMap<>(DeviceType.class);
    List<Device> devices = new ArrayList<>(slots);
    int sensors = 0;
    for (int slot = 0; slot < slots; slot++) {
      DeviceType type = floor == 0 ? plantSlot(slot) : officeSlot(slot);
      int number = numbers.merge(type, 1, Integer::sum);
      String zone =
          switch (type) {
            case AIR_HANDLER, CHILLER -> "f0-plant";
            case ELEVATOR -> "f0-core";
            case ENERGY_METER -> "f" + floor + "-riser";
            case ZONE_SENSOR ->
                "f" + floor + "-" + OFFICE_ZONES.get(sensors++ % OFFICE_ZONES.size());
          };
      String id =
          String.format("%s-f%d-%s-%02d", buildingId, floor, Device.shortName(type), number);
      devices.add(new Device(id, buildingId, floor, zone, type));
    }
    return devices;
  }

  /** AHU, chiller, elevator, then two air handlers for every chiller. */
  private static DeviceType plantSlot(int slot) {
    return switch (slot) {
      case 0 -> AIR_HANDLER;
      case 1 -> CHILLER;
      case 2 -> ELEVATOR;
      default -> (slot - 3) % 3 == 2 ? CHILLER : AIR_HANDLER;
    };
  }

  private static DeviceType officeSlot(int slot) {
    return slot == 0 ? ENERGY_METER : ZONE_SENSOR;
  }
}
