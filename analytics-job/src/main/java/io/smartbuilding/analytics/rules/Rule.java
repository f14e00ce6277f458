package io.smartbuilding.analytics.rules;

import io.smartbuilding.contracts.alert.AlertType;
import io.smartbuilding.contracts.alert.Severity;
import io.smartbuilding.contracts.telemetry.DeviceType;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One alert rule, as stored in the rules table (contracts' RuleTable).
 *
 * @param deviceType name of a {@link DeviceType}, or {@value #ANY_DEVICE_TYPE} for every type
 * @param threshold the limit; for {@link RuleKind#RATE_OF_CHANGE} units per minute, for {@link
 *     RuleKind#STUCK} the tolerance within which a value counts as unchanged
 * @param hysteresis how far back past the threshold a value must go before the condition clears, so
 *     a value hovering around the limit does not open and close alerts all the time
 * @param durationSeconds how long (event time of the device's readings) the condition must last
 *     before the alert opens; 0 opens on the first reading that breaks the rule
 */
public record Rule(
    String ruleId,
    String deviceType,
    String metric,
    RuleKind kind,
    AlertType alertType,
    double threshold,
    double hysteresis,
    long durationSeconds,
    Severity severity,
    boolean enabled,
    String description)
    implements Serializable {

  public static final String ANY_DEVICE_TYPE = "*";

  /** A year: longer is surely a mistake, and milliseconds of it must not overflow. */
  public static final long MAX_DURATION_SECONDS = 365L * 24 * 3600;

  /** Whether {@code ruleId} is one the job's built-in detectors use for their alerts. */
  static boolean isBuiltInId(String ruleId) {
    String id = ruleId.trim().toUpperCase(java.util.Locale.ROOT);
    return id.equals(AlertType.OFFLINE.name())
        || id.startsWith(AlertType.ANOMALY.name() + "-")
        || id.startsWith(AlertType.PREDICTED_WEAR.name() + "-");
  }

  public Rule {
    List<String> problems =
        problems(
            ruleId,
            deviceType,
            metric,
            kind,
            alertType,
            threshold,
            hysteresis,
            durationSeconds,
            severity);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("rule " + ruleId + ": " + String.join("; ", problems));
    }
    description = description == null ? "" : description;
  }

  /** What is wrong with a rule built from these values; empty when it is valid. */
  static List<String> problems(
      String ruleId,
      String deviceType,
      String metric,
      RuleKind kind,
      AlertType alertType,
      double threshold,
      double hysteresis,
      long durationSeconds,
      Severity severity) {
    List<String> problems = new ArrayList<>();
    if (ruleId == null || ruleId.isBlank() || ruleId.contains("#")) {
      problems.add("ruleId must be a non-blank text without '#'");
    } else if (isBuiltInId(ruleId)) {
      // the built-in detectors' alerts share the device's open alerts, keyed by rule id
      problems.add("ruleId must not be OFFLINE or start with ANOMALY- or PREDICTED_WEAR-");
    }
    if (deviceType == null || !(ANY_DEVICE_TYPE.equals(deviceType) || isDeviceType(deviceType))) {
      problems.add("deviceType must be * or one of " + List.of(DeviceType.values()));
    }
    if (metric == null || metric.isBlank()) {
      problems.add("metric is missing");
    }
    if (kind == null) {
      problems.add("kind must be one of " + List.of(RuleKind.values()));
    }
    if (alertType == null || alertType == AlertType.OFFLINE) {
      problems.add("alertType must be an alert type other than OFFLINE");
    }
    if (!Double.isFinite(threshold)) {
      problems.add("threshold must be a number");
    }
    if (!(hysteresis >= 0) || !Double.isFinite(hysteresis)) {
      problems.add("hysteresis must be a number >= 0");
    }
    if (kind != null
        && (kind == RuleKind.RATE_OF_CHANGE || kind == RuleKind.STUCK)
        && !(threshold >= 0)) {
      problems.add("threshold must be >= 0 for " + kind);
    }
    if (durationSeconds < 0 || durationSeconds > MAX_DURATION_SECONDS) {
      problems.add("durationSeconds must be between 0 and " + MAX_DURATION_SECONDS + " (a year)");
    }
    if (severity == null) {
      problems.add("severity must be one of " + List.of(Severity.values()));
    }
    return problems;
  }

  public boolean appliesTo(DeviceType type) {
    return ANY_DEVICE_TYPE.equals(deviceType) || type.name().equals(deviceType);
  }

  /** Same condition (what a change of threshold or severity keeps, a change of these resets). */
  public boolean watchesSameAs(Rule other) {
    return other != null
        && deviceType.equals(other.deviceType)
        && metric.equals(other.metric)
        && kind == other.kind
        && alertType == other.alertType;
  }

  /** The rule in words, for the evidence of its alerts. */
  public String inWords() {
    String duration = durationSeconds > 0 ? " for at least " + durationSeconds + " s" : "";
    String words =
        switch (kind) {
          case ABOVE ->
              metric
                  + " above "
                  + number(threshold)
                  + duration
                  + " (clears at or below "
                  + number(threshold - hysteresis)
                  + ")";
          case BELOW ->
              metric
                  + " below "
                  + number(threshold)
                  + duration
                  + " (clears at or above "
                  + number(threshold + hysteresis)
                  + ")";
          case RATE_OF_CHANGE ->
              metric + " changing faster than " + number(threshold) + " per minute" + duration;
          case STUCK -> metric + " not moving more than " + number(threshold) + duration;
        };
    String scope = ANY_DEVICE_TYPE.equals(deviceType) ? "any device" : deviceType;
    return ruleId
        + ": "
        + words
        + " on "
        + scope
        + (description.isBlank() ? "" : " (" + description + ")");
  }

  static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }

  private static boolean isDeviceType(String name) {
    for (DeviceType t : DeviceType.values()) {
      if (t.name().equals(name)) {
        return true;
      }
    }
    return false;
  }
}
