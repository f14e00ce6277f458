package io.smartbuilding.analytics.anomaly;

import io.smartbuilding.analytics.alert.Alert;
import io.smartbuilding.analytics.alert.OpenAlerts;
import io.smartbuilding.contracts.alert.AlertType;
import io.smartbuilding.contracts.alert.Severity;
import io.smartbuilding.contracts.telemetry.Telemetry;
import java.time.Instant;
import org.apache.flink.api.common.state.MapState;

/**
 * Applies the EWMA baselines ({@link AnomalyDetector}) to the watched metrics of one reading: moves
 * each metric's {@link AnomalyTrack} (keyed state, by metric) and raises, updates or resolves its
 * ANOMALY alert ({@value #RULE_PREFIX}metric).
 */
public final class AnomalyEvaluation {

  public static final String RULE_PREFIX = "ANOMALY-";

  private final AnomalySettings settings;
  private final AnomalyDetector detector;
  private final MapState<String, AnomalyTrack> tracks;
  // worked out once: the per-reading loop builds no strings
  private final String[] metrics;
  private final String[] ruleIds;

  /**
   * @param tracks the device's anomaly tracks, by metric (the current key's state)
   */
  public AnomalyEvaluation(AnomalySettings settings, MapState<String, AnomalyTrack> tracks) {
    this.settings = settings;
    this.detector = new AnomalyDetector(settings);
    this.tracks = tracks;
    this.metrics = settings.metrics().toArray(String[]::new);
    this.ruleIds = new String[metrics.length];
    for (int i = 0; i < metrics.length; i++) {
      ruleIds[i] = RULE_PREFIX + metrics[i];
    }
  }

  /**
   * @return whether an alert opened, resolved or has a new message
   */
  public boolean apply(Telemetry reading, Instant now, OpenAlerts alerts) throws Exception {
    boolean changed = false;
    for (int i = 0; i < metrics.length; i++) {
      Double value = reading.metric(metrics[i]);
      if (value != null) {
        changed |= apply(metrics[i], ruleIds[i], value, reading, now, alerts);
      }
    }
    return changed;
  }

  private boolean apply(
      String metric, String ruleId, double value, Telemetry reading, Instant now, OpenAlerts alerts)
      throws Exception {
    AnomalyDetector.Step step = detector.apply(tracks.get(metric), value, reading.ts());
    AnomalyTrack t = step.track();
    tracks.put(metric, t);
    switch (step.outcome()) {
      case OPENED, CONTINUED -> {
        Alert open = alerts.get(ruleId);
        double sd = t.baseline().standardDeviation();
        double mean = t.baseline().mean();
        double limit =
            t.peakValue() >= mean
                ? mean + settings.zThreshold() * sd
                : mean - settings.zThreshold() * sd;
        String message =
            metric
                + " "
                + PerMetricState.round(t.peakValue())
                + " is "
                + PerMetricState.round(t.peakZ())
                + " standard deviations from its usual "
                + PerMetricState.round(mean)
                + " (±"
                + PerMetricState.round(sd)
                + ")";
        if (open == null) {
          open =
              Alert.open(
                  reading,
                  ruleId,
                  AlertType.ANOMALY,
                  metric,
                  Severity.WARNING,
                  Instant.ofEpochMilli(t.runSinceMs()),
                  ruleId
                      + ": "
                      + metric
                      + " more than "
                      + settings.zThreshold()
                      + " standard deviations from its moving average for "
                      + settings.consecutive()
                      + " readings in a row",
                  now);
        }
        Alert alert =
            open.seen(
                reading.ts(), message, t.peakValue(), PerMetricState.round(limit), t.recent(), now);
        if (step.outcome() == AnomalyDetector.Outcome.OPENED) {
          alerts.raise(alert);
          return true;
        }
        alerts.update(alert);
        // a new message is a new reason in the device's health
        return !message.equals(open.message());
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
        tracks, settings.metrics(), RULE_PREFIX, reading, now, alerts);
  }
}
