package io.smartbuilding.contracts.tables;

/**
 * Latest state per device, written by analytics-job and read by query-api. Key: {@code deviceId};
 * index {@value #BY_BUILDING} (buildingId, deviceId) lists a building's devices. See
 * docs/contracts/dynamodb.md.
 */
public final class DeviceHealthTable {

  public static final String DEFAULT_NAME = "smartbuilding-device-health";
  public static final String BY_BUILDING = "byBuilding";

  public static final String DEVICE_ID = "deviceId";
  public static final String BUILDING_ID = "buildingId";
  public static final String FLOOR = "floor";
  public static final String ZONE = "zone";
  public static final String DEVICE_TYPE = "deviceType";
  /** Name of {@link io.smartbuilding.contracts.health.DeviceStatus}. */
  public static final String STATUS = "status";
  /** N, 0 (failed) to 100 (healthy). */
  public static final String HEALTH_SCORE = "healthScore";
  /** L of S: why the score is below 100, one sentence each; empty when healthy. */
  public static final String REASONS = "reasons";
  /** N: alerts of this device that are open or acknowledged. */
  public static final String OPEN_ALERTS = "openAlerts";
  public static final String LAST_SEEN = "lastSeen";
  public static final String LAST_SEQ = "lastSeq";
  /** Map of metric name to number: the latest reading. */
  public static final String METRICS = "metrics";
  public static final String UPDATED_AT = "updatedAt";

  private DeviceHealthTable() {}
}
