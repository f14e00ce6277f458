package io.smartbuilding.simulator.fleet;

/**
 * How big a fleet to simulate: {@code buildings x floors x devicesPerFloor} devices. Floor 0 of
 * each building is its plant floor; floors 1 and up are office floors.
 */
public record FleetSpec(int buildings, int floors, int devicesPerFloor) {

  /** Keeps device ids within the two-digit numbering and the contract's id length. */
  public static final int MAX_BUILDINGS = 999;

  public static final int MAX_FLOORS = 200;
  public static final int MAX_DEVICES_PER_FLOOR = 99;

  /** The demo fleet: 2 buildings x 3 floors x 8 devices = 48 devices. */
  public static final FleetSpec DEMO = new FleetSpec(2, 3, 8);

  public FleetSpec {
    requireBetween("buildings", buildings, 1, MAX_BUILDINGS);
    requireBetween("floors", floors, 1, MAX_FLOORS);
    requireBetween("devices per floor", devicesPerFloor, 1, MAX_DEVICES_PER_FLOOR);
  }

  public int deviceCount() {
    return buildings * floors * devicesPerFloor;
  }

  private static void requireBetween(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be between " + min + " and " + max + ", got " + value);
    }
  }
}
