package io.smartbuilding.contracts.alert;

/** How urgently maintenance should act. */
public enum Severity {
  INFO,
  WARNING,
  CRITICAL
}
