package io.smartbuilding.analytics.anomaly;

import io.smartbuilding.analytics.alert.Alert;
import io.smartbuilding.analytics.alert.OpenAlerts;
import io.smartbuilding.analytics.rules.RuleIndex;
import io.smartbuilding.contracts.alert.AlertType;
import io.smartbuilding.contracts.alert.Severity;
import io.smartbuilding.contracts.telemetry.Telemetry;
import java.time.Instant;
import org.apache.flink.api.common.state.MapState;

/**
 * Applies the wear trend ({@link WearTrend}) to the wear metrics of one reading: moves each
 * metric's {@link WearWindow} (keyed state, by metric) and raises, updates or resolves its
 * PREDICTED_WEAR alert ({@value #RULE_PREFIX}metric). The limit is the metric's ABOVE rule for the
 * device's type.
 */
public final class WearEvaluation {

  public static final String RULE_PREFIX = "PREDICTED_WEAR-";

  private final WearSettings settings;
  private final WearTrend trend;
  private final MapState<String, WearWindow> windows;
  // worked out once: the per-reading loop builds no strings
  private final String[] metrics;
  private final String[] ruleIds;

  /**
   * @param windows the device's wear windows, by metric (the current key's state)
   */
  public WearEvaluation(WearSettings settings, MapState<String, WearWindow> windows) {
    this.settings = settings;
    this.trend = new WearTrend(settings);
    this.windows = windows;
    this.metrics = settings.metrics().toArray(String[]::new);
    this.ruleIds = new String[metrics.length];
    for (int i = 0; i < metrics.length; i++) {
      ruleIds[i] = RULE_PREFIX + metrics[i];
    }
  }

  /**
   * @param rules the rules in force, for each metric's limit
   * @return whether an alert opened, resolved or has a new predicted date
   */
  public boolean apply(Telemetry reading, RuleIndex rules, Instant now, OpenAlerts alerts)
      throws Exception {
    boolean changed = false;
    for (int i = 0; i < metrics.length; i++) {
      Double value = reading.metric(metrics[i]);
      if (value != null) {
        Double limit = rules.lowestAbove(reading.deviceType(), metrics[i]);
        changed |= apply(metrics[i], ruleIds[i], value, limit, reading, now, alerts);
      }
    }
    return changed;
  }

  private boolean apply(
      String metric,
      String ruleId,
      double value,
      Double limit,
      Telemetry reading,
      Instant now,
      OpenAlerts alerts)
      throws Exception {
    WearTrend.Step step = trend.apply(windows.get(metric), value, reading.ts(), limit);
    windows.put(metric, step.window());
    switch (step.outcome()) {
      case OPENED, CONTINUED -> {
        Alert open = alerts.get(ruleId);
        if (open == null) {
          open =
              Alert.open(
                  reading,
                  ruleId,
                  AlertType.PREDICTED_WEAR,
                  metric,
                  Severity.INFO,
                  reading.ts(),
                  ruleId
                      + ": the trend of "
                      + metric
                      + " over the last "
                      + settings.windowBuckets()
                      + " averages of "
                      + settings.bucket().toMinutes()
                      + " min reaches the limit within "
                      + settings.horizon().toDays()
                      + " days",
                  now);
        }
        Alert alert =
            open.seen(
                    reading.ts(),
                    metric
                        + " predicted to reach "
                        + PerMetricState.round(limit)
                        + " by "
                        + step.predictedAt(),
                    PerMetricState.round(step.latest()),
                    limit,
                    WearTrend.evidence(step.window()),
                    now)
                .withPredictedAt(step.predictedAt());
        if (step.outcome() == WearTrend.Outcome.OPENED) {
          alerts.raise(alert);
        } else {
          alerts.update(alert);
        }
        return true; // the predicted date is part of the reason
      }
      case RESOLVED -> {
        return PerMetricState.resolveIfOpen(ruleId, reading.ts(), now, alerts);
      }
      default -> {
        return false;
      }
    }
  }

  /** See {@link PerMetricState#retireUnconfigured}. */
  public boolean retireUnconfigured(Telemetry reading, Instant now, OpenAlerts alerts)
      throws Exception {
    return PerMetricState.retireUnconfigured(
        windows, settings.metrics(), RULE_PREFIX, reading, now, alerts);
  }
}
