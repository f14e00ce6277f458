package io.smartbuilding.contracts.tables;

/**
 * Maintenance alerts, written by analytics-job and read by query-api. Key: {@code alertId}, built
 * by {@link #alertId} from the device, the type and the event time the condition began, so a
 * replay writes the same item again instead of a duplicate. Indexes: {@value #BY_BUILDING}
 * (buildingId, openedAt) and {@value #BY_STATUS} (status, openedAt). See docs/contracts/dynamodb.md.
 */
public final class AlertTable {

  public static final String DEFAULT_NAME = "smartbuilding-alerts";
  public static final String BY_BUILDING = "byBuilding";
  public static final String BY_STATUS = "byStatus";

  public static final String ALERT_ID = "alertId";
  public static final String DEVICE_ID = "deviceId";
  public static final String BUILDING_ID = "buildingId";
  public static final String FLOOR = "floor";
  public static final String ZONE = "zone";
  public static final String DEVICE_TYPE = "deviceType";
  public static final String TYPE = "type";
  public static final String SEVERITY = "severity";
  /** Wire value of {@link io.smartbuilding.contracts.alert.AlertStatus}. */
  public static final String STATUS = "status";
  public static final String MESSAGE = "message";
  /** ISO-8601 event time of the first reading that broke the rule. Sort key of both indexes. */
  public static final String OPENED_AT = "openedAt";
  public static final String LAST_SEEN_AT = "lastSeenAt";
  public static final String RESOLVED_AT = "resolvedAt";
  public static final String PEAK_VALUE = "peakValue";
  public static final String LIMIT = "limit";
  public static final String UPDATED_AT = "updatedAt";

  private AlertTable() {}

  public static String alertId(String deviceId, String type, long openedAtEpochMillis) {
    return deviceId + "#" + type + "#" + openedAtEpochMillis;
  }
}
