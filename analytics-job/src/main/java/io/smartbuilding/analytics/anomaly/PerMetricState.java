package io.smartbuilding.analytics.anomaly;

import io.smartbuilding.analytics.alert.Alert;
import io.smartbuilding.analytics.alert.OpenAlerts;
import io.smartbuilding.contracts.telemetry.Telemetry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.state.MapState;

/**
 * What the built-in per-metric detectors (anomaly, wear) share: state keyed by metric name and one
 * alert per metric under {@code prefix + metric}.
 */
final class PerMetricState {

  private PerMetricState() {}

  /**
   * Drops the state of metrics that are no longer configured and resolves their open alerts as of
   * {@code reading}: without this an alert of a metric taken out of the settings would stay open
   * for good. Called on a device's first reading after the job (re)started, the only time the
   * settings can have changed.
   *
   * @return whether an alert resolved
   */
  static boolean retireUnconfigured(
      MapState<String, ?> state,
      List<String> configured,
      String prefix,
      Telemetry reading,
      Instant now,
      OpenAlerts alerts)
      throws Exception {
    List<String> gone = new ArrayList<>();
    for (String metric : state.keys()) {
      if (!configured.contains(metric)) {
        gone.add(metric);
      }
    }
    boolean changed = false;
    for (String metric : gone) {
      state.remove(metric);
      changed |= resolveIfOpen(prefix + metric, reading.ts(), now, alerts);
    }
    return changed;
  }

  /** Resolves the open alert of {@code ruleId} as of {@code at}; whether there was one. */
  static boolean resolveIfOpen(String ruleId, Instant at, Instant now, OpenAlerts alerts)
      throws Exception {
    Alert open = alerts.get(ruleId);
    if (open == null) {
      return false;
    }
    alerts.resolve(open, at, now);
    return true;
  }

  /** Two decimals: alert values and messages are read by people. */
  static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
