package io.smartbuilding.simulator.fleet;

import io.smartbuilding.contracts.telemetry.DeviceType;
import java.util.Objects;

/**
 * One simulated device and where it is installed.
 *
 * @param id unique in the fleet, e.g. {@code b1-f2-zs-03}
 * @param zone the area it serves, e.g. {@code f2-east} or {@code f0-plant}
 */
public record Device(String id, String buildingId, int floor, String zone, DeviceType type) {

  public Device {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(buildingId, "buildingId");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(type, "type");
  }

  /**
   * Every second zone sensor (even numbers) is wireless and reports its battery level; the rest
   * are wired. Derived from the id, so the layout stays stable.
   */
  public boolean batteryPowered() {
    if (type != DeviceType.ZONE_SENSOR) {
      return false;
    }
    char last = id.charAt(id.length() - 1);
    return Character.isDigit(last) && (last - '0') % 2 == 0;
  }

  /** The short form of a device type used inside device ids. */
  public static String shortName(DeviceType type) {
    return switch (type) {
      case AIR_HANDLER -> "ahu";
      case CHILLER -> "ch";
      case ZONE_SENSOR -> "zs";
      case ENERGY_METER -> "em";
      case ELEVATOR -> "el";
    };
  }
}
