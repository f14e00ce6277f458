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
                + round(t.peakValue())
                + " is "
                + round(t.peakZ())
                + " standard deviations from its usual "
                + round(mean)
                + " (±"
                + round(sd)
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
            open.seen(reading.ts(), message, t.peakValue(), round(limit), t.recent(), now);
        if (step.outcome() == AnomalyDetector.Outcome.OPENED) {
          alerts.raise(alert);
          return true;
        }
        alerts.update(alert);
        // a new message is a new reason in the device's health
        return !message.equals(open.message());
      }
      case RESOLVED -> {
        Alert open = alerts.get(ruleId);
        if (open == null) {
          return false;
        }
        alerts.resolve(open, reading.ts(), now);
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  /**
   * Drops the anomaly state of metrics that are no longer configured and resolves their open alerts
   * as of {@code reading}: without this an alert of a metric taken out of the settings would stay
   * open for good. Called on a device's first reading after the job (re)started, the only time the
   * settings can have changed.
   *
   * @return whether an alert resolved
   */
  public boolean retireUnconfigured(Telemetry reading, Instant now, OpenAlerts alerts)
      throws Exception {
    java.util.List<String> gone = new java.util.ArrayList<>();
    for (String metric : tracks.keys()) {
      if (!settings.metrics().contains(metric)) {
        gone.add(metric);
      }
    }
    boolean changed = false;
    for (String metric : gone) {
      tracks.remove(metric);
      Alert open = alerts.get(RULE_PREFIX + metric);
      if (open != null) {
        alerts.resolve(open, reading.ts(), now);
        changed = true;
      }
    }
    return changed;
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
