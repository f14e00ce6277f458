package io.smartbuilding.analytics.anomaly;

import io.smartbuilding.analytics.alert.Sample;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * EWMA/z-score anomalies for one metric of one device: after a warm-up, {@code consecutive}
 * readings in a row further than {@code zThreshold} standard deviations from the baseline raise
 * ANOMALY; as many normal readings in a row resolve it. Abnormal readings do not move the baseline,
 * so a drift or a rising vibration stays abnormal instead of becoming the new normal while the
 * alert is open.
 */
public final class AnomalyDetector implements Serializable {

  public enum Outcome {
    NONE,
    OPENED,
    CONTINUED,
    RESOLVED
  }

  public record Step(AnomalyTrack track, Outcome outcome, double z) {}

  private final AnomalySettings settings;

  public AnomalyDetector(AnomalySettings settings) {
    this.settings = settings;
  }

  public Step apply(AnomalyTrack track, double value, Instant ts) {
    AnomalyTrack t = track == null ? AnomalyTrack.start() : track;
    Ewma baseline = t.baseline();
    if (baseline.count() < settings.warmUp()) {
      return new Step(
          new AnomalyTrack(baseline.add(value, settings.alpha()), 0, 0, false, 0, 0, List.of()),
          Outcome.NONE,
          0);
    }
    double z = baseline.zScore(value);
    boolean abnormal = Math.abs(z) > settings.zThreshold();
    Sample sample = new Sample(ts, value);
    if (!t.alerted()) {
      if (!abnormal) {
        return new Step(
            new AnomalyTrack(baseline.add(value, settings.alpha()), 0, 0, false, 0, 0, List.of()),
            Outcome.NONE,
            z);
      }
      int run = t.run() + 1;
      long since = t.run() == 0 ? ts.toEpochMilli() : t.runSinceMs();
      boolean worse = t.run() == 0 || Math.abs(z) > t.peakZ();
      AnomalyTrack next =
          new AnomalyTrack(
              baseline,
              run,
              since,
              run >= settings.consecutive(),
              worse ? Math.abs(z) : t.peakZ(),
              worse ? value : t.peakValue(),
              Sample.append(t.recent(), sample));
      return new Step(next, next.alerted() ? Outcome.OPENED : Outcome.NONE, z);
    }
    List<Sample> recent = Sample.append(t.recent(), sample);
    if (abnormal) {
      boolean worse = Math.abs(z) > t.peakZ();
      return new Step(
          new AnomalyTrack(
              baseline,
              0,
              t.runSinceMs(),
              true,
              worse ? Math.abs(z) : t.peakZ(),
              worse ? value : t.peakValue(),
              recent),
          Outcome.CONTINUED,
          z);
    }
    int normalRun = t.run() + 1;
    if (normalRun >= settings.consecutive()) {
      return new Step(
          new AnomalyTrack(baseline.add(value, settings.alpha()), 0, 0, false, 0, 0, List.of()),
          Outcome.RESOLVED,
          z);
    }
    return new Step(
        new AnomalyTrack(
            baseline.add(value, settings.alpha()),
            normalRun,
            t.runSinceMs(),
            true,
            t.peakZ(),
            t.peakValue(),
            recent),
        Outcome.NONE,
        z);
  }

  public AnomalySettings settings() {
    return settings;
  }
}
