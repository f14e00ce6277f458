package io.smartbuilding.contracts.alert;

/** What a maintenance alert is about. The wire value is the constant's name. */
public enum AlertType {
  /** A temperature reading above the configured limit. */
  OVERHEAT,
  /** No message from the device for longer than the configured silence. */
  OFFLINE
}
