package io.smartbuilding.contracts.tables;

/**
 * The buildings the platform has heard from, with their floors, zones and device count; written by
 * analytics-job when a device is first seen, read by query-api. Key: {@code buildingId}.
 */
public final class BuildingTable {

  public static final String DEFAULT_NAME = "smartbuilding-buildings";

  public static final String BUILDING_ID = "buildingId";
  /** List of floor numbers, ascending. */
  public static final String FLOORS = "floors";
  /** List of zone names, sorted. */
  public static final String ZONES = "zones";
  public static final String DEVICE_COUNT = "deviceCount";
  public static final String UPDATED_AT = "updatedAt";

  private BuildingTable() {}
}
