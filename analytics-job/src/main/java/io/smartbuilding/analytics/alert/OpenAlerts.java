package io.smartbuilding.analytics.alert;

import java.time.Instant;

/**
 * One device's open alerts, as the per-reading evaluations see them. The device-health operator
 * keeps them in keyed state, sends every change to the alert stream and counts it; the evaluations
 * only decide what changes.
 */
public interface OpenAlerts {

  /** The open alert of this rule (or built-in detector); null when none is open. */
  Alert get(String ruleId) throws Exception;

  /** A new alert: kept open, emitted, counted as raised. */
  void raise(Alert alert) throws Exception;

  /** A new version of an open alert: kept and emitted. */
  void update(Alert alert) throws Exception;

  /** Closes an open alert as of {@code at} (event time): removed, emitted resolved, counted. */
  void resolve(Alert open, Instant at, Instant now) throws Exception;
}
