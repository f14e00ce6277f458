package io.smartbuilding.analytics.rules;

/** How a rule compares a metric with its threshold. */
public enum RuleKind {
  /** Breaks while the value is above the threshold; clears at or below threshold - hysteresis. */
  ABOVE,
  /** Breaks while the value is below the threshold; clears at or above threshold + hysteresis. */
  BELOW,
  /**
   * Breaks while the value changes faster than the threshold, in metric units per minute between
   * two consecutive readings (either direction); clears at or below threshold - hysteresis.
   */
  RATE_OF_CHANGE,
  /**
   * Breaks while the value stays within the threshold (a tolerance, often 0) of the value it had
   * when it last moved; clears as soon as it moves further.
   */
  STUCK
}
