package io.smartbuilding.contracts.tables;

/**
 * Alert rules, read by analytics-job (polled and broadcast to every task, so a change takes effect
 * without a restart) and editable by operators. Key: {@code ruleId}. See
 * docs/contracts/dynamodb.md for the attribute meanings per kind.
 */
public final class RuleTable {

  public static final String DEFAULT_NAME = "smartbuilding-rules";

  public static final String RULE_ID = "ruleId";
  /** Name of a {@link io.smartbuilding.contracts.telemetry.DeviceType}, or {@code *} for all. */
  public static final String DEVICE_TYPE = "deviceType";
  public static final String METRIC = "metric";
  /** ABOVE, BELOW, RATE_OF_CHANGE, STUCK. */
  public static final String KIND = "kind";
  /** Name of the {@link io.smartbuilding.contracts.alert.AlertType} raised. */
  public static final String ALERT_TYPE = "alertType";
  public static final String THRESHOLD = "threshold";
  public static final String HYSTERESIS = "hysteresis";
  public static final String DURATION_SECONDS = "durationSeconds";
  public static final String SEVERITY = "severity";
  /** BOOL; a disabled rule resolves its open alerts. */
  public static final String ENABLED = "enabled";
  public static final String DESCRIPTION = "description";
  public static final String UPDATED_AT = "updatedAt";

  private RuleTable() {}
}
