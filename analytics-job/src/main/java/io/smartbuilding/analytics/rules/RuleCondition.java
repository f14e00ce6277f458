package io.smartbuilding.analytics.rules;

import io.smartbuilding.analytics.alert.Sample;
import java.time.Instant;
import java.util.List;

/**
 * Applies one rule to one reading of its metric: the pure state machine behind rule alerts, in
 * event time. A condition becomes active on the first reading that breaks the rule, the alert opens
 * once it has lasted the rule's duration (on a reading that still breaks it), and it clears on a
 * reading past the hysteresis (ABOVE, BELOW, RATE_OF_CHANGE) or that moves (STUCK).
 */
public final class RuleCondition {

  /** What the reading did to the rule's alert. */
  public enum Outcome {
    /** No alert change worth writing. */
    NONE,
    OPENED,
    /** The open alert saw another reading that breaks the rule. */
    CONTINUED,
    RESOLVED
  }

  /**
   * @param track the rule's state after the reading; null when nothing needs keeping
   * @param observed the value the rule judged (the rate per minute for RATE_OF_CHANGE)
   */
  public record Step(RuleTrack track, Outcome outcome, double observed) {}

  private RuleCondition() {}

  public static Step apply(Rule rule, RuleTrack track, double value, Instant ts) {
    RuleTrack t = track == null ? RuleTrack.IDLE : track;
    long now = ts.toEpochMilli();
    boolean breaks;
    boolean clears;
    double observed = value;
    long breachSince = now;
    boolean hasPrevious = t.hasPrevious();
    double previousValue = t.previousValue();
    long previousMs = t.previousMs();
    switch (rule.kind()) {
      case ABOVE -> {
        breaks = value > rule.threshold();
        clears = value <= rule.threshold() - rule.hysteresis();
      }
      case BELOW -> {
        breaks = value < rule.threshold();
        clears = value >= rule.threshold() + rule.hysteresis();
      }
      case RATE_OF_CHANGE -> {
        if (!t.hasPrevious() || now <= t.previousMs()) {
          // the first reading, or one not after the previous: no rate to judge
          breaks = false;
          clears = false;
          if (!t.hasPrevious()) {
            hasPrevious = true;
            previousValue = value;
            previousMs = now;
          }
        } else {
          observed = Math.abs(value - t.previousValue()) * 60_000.0 / (now - t.previousMs());
          if (!Double.isFinite(observed)) {
            // the difference of two huge readings overflows: the fastest rate there is, not
            // Infinity (which no message, alert item or health score could carry)
            observed = Double.MAX_VALUE;
          }
          breaks = observed > rule.threshold();
          clears = observed <= rule.threshold() - rule.hysteresis();
          previousValue = value;
          previousMs = now;
        }
      }
      case STUCK -> {
        if (!t.hasPrevious() || Math.abs(value - t.previousValue()) > rule.threshold()) {
          breaks = false;
          clears = true;
          hasPrevious = true;
          previousValue = value;
          previousMs = now;
        } else {
          breaks = true;
          clears = false;
          breachSince = t.previousMs();
        }
      }
      default -> throw new IllegalStateException("unknown kind " + rule.kind());
    }

    Sample sample = new Sample(ts, value);
    if (!t.active()) {
      if (!breaks) {
        return step(idle(hasPrevious, previousValue, previousMs), Outcome.NONE, observed);
      }
      RuleTrack started =
          new RuleTrack(
              true,
              breachSince,
              false,
              observed,
              now,
              hasPrevious,
              previousValue,
              previousMs,
              List.of(sample));
      return maybeOpen(rule, started, now, observed);
    }
    List<Sample> recent = Sample.append(t.recent(), sample);
    if (clears) {
      return step(
          idle(hasPrevious, previousValue, previousMs),
          t.alerted() ? Outcome.RESOLVED : Outcome.NONE,
          observed);
    }
    if (!breaks) {
      // inside the hysteresis band: the episode goes on, nothing new to report
      return step(
          new RuleTrack(
              true,
              t.activeSinceMs(),
              t.alerted(),
              t.peak(),
              t.lastBreachMs(),
              hasPrevious,
              previousValue,
              previousMs,
              recent),
          Outcome.NONE,
          observed);
    }
    RuleTrack going =
        new RuleTrack(
            true,
            t.activeSinceMs(),
            t.alerted(),
            worse(rule, t.peak(), observed),
            now,
            hasPrevious,
            previousValue,
            previousMs,
            recent);
    if (t.alerted()) {
      return step(going, Outcome.CONTINUED, observed);
    }
    return maybeOpen(rule, going, now, observed);
  }

  private static Step maybeOpen(Rule rule, RuleTrack track, long now, double observed) {
    if (now - track.activeSinceMs() >= rule.durationSeconds() * 1000) {
      return step(
          new RuleTrack(
              true,
              track.activeSinceMs(),
              true,
              track.peak(),
              track.lastBreachMs(),
              track.hasPrevious(),
              track.previousValue(),
              track.previousMs(),
              track.recent()),
          Outcome.OPENED,
          observed);
    }
    return step(track, Outcome.NONE, observed);
  }

  private static RuleTrack idle(boolean hasPrevious, double previousValue, long previousMs) {
    return hasPrevious
        ? new RuleTrack(false, 0, false, 0, 0, true, previousValue, previousMs, List.of())
        : null;
  }

  private static Step step(RuleTrack track, Outcome outcome, double observed) {
    return new Step(track, outcome, observed);
  }

  private static double worse(Rule rule, double peak, double observed) {
    return rule.kind() == RuleKind.BELOW ? Math.min(peak, observed) : Math.max(peak, observed);
  }

  /** The alert message for the current state of an episode. */
  public static String message(Rule rule, double peak) {
    String p = Rule.number(peak);
    String limit = Rule.number(rule.threshold());
    return switch (rule.kind()) {
      case ABOVE -> rule.metric() + " " + p + " above limit " + limit;
      case BELOW -> rule.metric() + " " + p + " below limit " + limit;
      case RATE_OF_CHANGE -> rule.metric() + " changed by " + p + " per minute, more than " + limit;
      case STUCK -> rule.metric() + " stuck at " + p;
    };
  }
}
