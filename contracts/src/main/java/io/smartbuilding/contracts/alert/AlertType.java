package io.smartbuilding.contracts.alert;

/**
 * What a maintenance alert is about. The wire value is the constant's name. Rule-driven types
 * (everything but {@link #OFFLINE}, {@link #ANOMALY} and {@link #PREDICTED_WEAR}) come from the
 * rules table, so one device can have several alerts of one type open at once, one per rule.
 */
public enum AlertType {
  /** A temperature reading above the configured limit. */
  OVERHEAT,
  /** No message from the device for longer than the configured silence. */
  OFFLINE,
  /** A metric above (or below) a limit for at least the rule's duration. */
  THRESHOLD,
  /** A metric changing faster than the rule allows. */
  RATE_OF_CHANGE,
  /** A metric that stopped varying: the sensor is probably stuck. */
  STUCK_SENSOR,
  /** A wireless sensor's battery below the rule's level. */
  BATTERY_LOW,
  /** A reading far from the device's own statistical baseline (drift, rising vibration). */
  ANOMALY,
  /** A wear metric trending towards its limit: maintenance is due by a predicted date. */
  PREDICTED_WEAR
}
