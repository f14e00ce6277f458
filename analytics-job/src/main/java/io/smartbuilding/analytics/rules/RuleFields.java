package io.smartbuilding.analytics.rules;

import io.smartbuilding.contracts.alert.AlertType;
import io.smartbuilding.contracts.alert.Severity;
import io.smartbuilding.contracts.tables.RuleTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a rule from any source of named fields (a DynamoDB item, a JSON object), with the rules
 * table's attribute names. Everything wrong with the fields is reported at once.
 */
abstract class RuleFields {

  /** The field as text, or null when it is missing. */
  abstract String text(String name);

  /** The field as a number, or null when it is missing; NaN when it is not a number. */
  abstract Double number(String name);

  /**
   * The field as a boolean (a BOOL, or the text "true" or "false"), or null when it is missing or
   * anything else.
   */
  abstract Boolean bool(String name);

  /** Whether the field is there at all. */
  abstract boolean present(String name);

  static Boolean parseBoolean(String text) {
    if ("true".equalsIgnoreCase(text.trim())) {
      return true;
    }
    return "false".equalsIgnoreCase(text.trim()) ? Boolean.FALSE : null;
  }

  /** The rule, or an exception that says everything that is wrong with it. */
  Rule toRule() {
    List<String> problems = new ArrayList<>();
    String ruleId = text(RuleTable.RULE_ID);
    RuleKind kind = enumValue(RuleKind.class, RuleTable.KIND, problems);
    AlertType alertType = enumValue(AlertType.class, RuleTable.ALERT_TYPE, problems);
    Severity severity = enumValue(Severity.class, RuleTable.SEVERITY, problems);
    Double threshold = number(RuleTable.THRESHOLD);
    Double hysteresis = number(RuleTable.HYSTERESIS);
    Double duration = number(RuleTable.DURATION_SECONDS);
    Boolean enabled = bool(RuleTable.ENABLED);
    if (enabled == null && present(RuleTable.ENABLED)) {
      // a typo must not switch a rule on (or off) silently
      problems.add("enabled must be true or false");
    }
    if (threshold == null || threshold.isNaN()) {
      problems.add("threshold is missing or not a number");
    }
    if (hysteresis != null && hysteresis.isNaN()) {
      problems.add("hysteresis is not a number");
    }
    if (duration != null && duration.isNaN()) {
      problems.add("durationSeconds is not a number");
    }
    if (duration != null && Double.isInfinite(duration)) {
      problems.add("durationSeconds must be a finite number");
    } else if (duration != null && !duration.isNaN() && duration != Math.rint(duration)) {
      problems.add("durationSeconds must be a whole number");
    }
    String deviceType = text(RuleTable.DEVICE_TYPE);
    String metric = text(RuleTable.METRIC);
    if (problems.isEmpty()) {
      problems.addAll(
          Rule.problems(
              ruleId,
              deviceType == null ? Rule.ANY_DEVICE_TYPE : deviceType,
              metric,
              kind,
              alertType,
              threshold,
              hysteresis == null ? 0 : hysteresis,
              duration == null ? 0 : duration.longValue(),
              severity));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRuleException(ruleId, problems);
    }
    return new Rule(
        ruleId,
        deviceType == null ? Rule.ANY_DEVICE_TYPE : deviceType,
        metric,
        kind,
        alertType,
        threshold,
        hysteresis == null ? 0 : hysteresis,
        duration == null ? 0 : duration.longValue(),
        severity,
        enabled == null || enabled,
        text(RuleTable.DESCRIPTION));
  }

  private <E extends Enum<E>> E enumValue(Class<E> type, String field, List<String> problems) {
    String value = text(field);
    if (value == null) {
      problems.add(field + " is missing");
      return null;
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(field + " '" + value + "' is not one of " + List.of(type.getEnumConstants()));
      return null;
    }
  }
}
