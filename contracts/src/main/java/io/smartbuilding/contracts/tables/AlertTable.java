package io.smartbuilding.contracts.tables;

/**
 * Maintenance alerts, written by analytics-job and by query-api (people's actions). Key: {@code
 * alertId}, built by {@link #alertId} from the device, the rule and the event time the condition
 * began, so a replay writes the same item again instead of a duplicate. Indexes: {@value
 * #BY_BUILDING} (buildingId, openedAt), {@value #BY_STATUS} (status, openedAt) and {@value
 * #BY_BUILDING_UPDATED} (buildingId, updatedAt) for change feeds.
 *
 * <p>Ownership, so that neither writer loses the other's changes (both use UpdateItem, never a
 * whole-item put):
 *
 * <ul>
 *   <li>analytics-job owns the description of the condition: everything from {@link #DEVICE_ID}
 *       to {@link #EVIDENCE} below, and {@link #UPDATED_AT}. It writes {@link #STATUS} only as
 *       {@code if_not_exists(status, "open")} while the condition lasts (so an acknowledgement
 *       stays) and {@code "resolved"} when it clears, with {@code resolvedAt =
 *       if_not_exists(resolvedAt, :clearedAt)}.
 *   <li>query-api owns {@link #ACKNOWLEDGED_BY} .. {@link #ACTIONS} and {@link #VERSION}: every
 *       action is one conditional UpdateItem on {@code version} (optimistic concurrency) that
 *       appends to {@link #ACTIONS}, may set {@code status} to acknowledged or resolved, and sets
 *       {@link #UPDATED_AT}.
 * </ul>
 *
 * See docs/contracts/dynamodb.md.
 */
public final class AlertTable {

  public static final String DEFAULT_NAME = "smartbuilding-alerts";
  public static final String BY_BUILDING = "byBuilding";
  public static final String BY_STATUS = "byStatus";
  public static final String BY_BUILDING_UPDATED = "byBuildingUpdated";

  public static final String ALERT_ID = "alertId";
  public static final String DEVICE_ID = "deviceId";
  public static final String BUILDING_ID = "buildingId";
  public static final String FLOOR = "floor";
  public static final String ZONE = "zone";
  public static final String DEVICE_TYPE = "deviceType";
  /** Name of {@link io.smartbuilding.contracts.alert.AlertType}. */
  public static final String TYPE = "type";
  /** The rule that raised the alert (built-in rules use their type's name, e.g. OVERHEAT). */
  public static final String RULE_ID = "ruleId";
  /** The metric the rule watches; absent for OFFLINE. */
  public static final String METRIC = "metric";
  public static final String SEVERITY = "severity";
  /** Wire value of {@link io.smartbuilding.contracts.alert.AlertStatus}. */
  public static final String STATUS = "status";
  public static final String MESSAGE = "message";
  /** ISO-8601 event time of the first reading that broke the rule. Sort key of two indexes. */
  public static final String OPENED_AT = "openedAt";
  public static final String LAST_SEEN_AT = "lastSeenAt";
  public static final String RESOLVED_AT = "resolvedAt";
  public static final String PEAK_VALUE = "peakValue";
  public static final String LIMIT = "limit";
  /** PREDICTED_WEAR only: ISO-8601 date-time the wear metric is predicted to reach its limit. */
  public static final String PREDICTED_AT = "predictedAt";
  /**
   * Map: {@code rule} (S, the rule in words), {@code readings} (L of M {@code ts} S, {@code value}
   * N; the most recent readings behind the alert, at most 20).
   */
  public static final String EVIDENCE = "evidence";
  /** ISO-8601 processing time of the latest change by either writer. Sort key of an index. */
  public static final String UPDATED_AT = "updatedAt";

  public static final String ACKNOWLEDGED_BY = "acknowledgedBy";
  public static final String ACKNOWLEDGED_AT = "acknowledgedAt";
  public static final String ASSIGNEE = "assignee";
  public static final String RESOLVED_BY = "resolvedBy";
  /**
   * Audit trail, oldest first: L of M {@code at} (S), {@code by} (S, the caller's subject), {@code
   * action} (S: acknowledge, assign, note, resolve), {@code detail} (S, optional).
   */
  public static final String ACTIONS = "actions";
  /** N, starts at 0 (absent = 0); incremented by every action through the API. */
  public static final String VERSION = "version";

  private AlertTable() {}

  /**
   * The deterministic alert key. {@code ruleId} is the rule's id ({@code OVERHEAT} for the default
   * overheat rule); the built-in detectors use {@code OFFLINE}, {@code ANOMALY-{metric}} and {@code
   * PREDICTED_WEAR-{metric}}.
   */
  public static String alertId(String deviceId, String ruleId, long openedAtEpochMillis) {
    return deviceId + "#" + ruleId + "#" + openedAtEpochMillis;
  }
}
