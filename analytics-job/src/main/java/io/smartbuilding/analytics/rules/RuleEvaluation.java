package io.smartbuilding.analytics.rules;

import io.smartbuilding.analytics.alert.Alert;
import io.smartbuilding.analytics.alert.OpenAlerts;
import io.smartbuilding.analytics.alert.Sample;
import io.smartbuilding.contracts.telemetry.Telemetry;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.state.MapState;

/**
 * Applies a device's threshold, rate-of-change and stuck-sensor rules to one of its readings: moves
 * each rule's {@link RuleTrack} (keyed state, by ruleId) through {@link RuleCondition} and turns
 * the outcome into alert changes.
 */
public final class RuleEvaluation {

  private final MapState<String, RuleTrack> tracks;

  /**
   * @param tracks the device's rule tracks, by ruleId (the current key's state)
   */
  public RuleEvaluation(MapState<String, RuleTrack> tracks) {
    this.tracks = tracks;
  }

  /**
   * @param rules the enabled rules for the reading's device type
   * @return whether an alert opened, resolved or changed severity or message
   */
  public boolean apply(List<Rule> rules, Telemetry reading, Instant now, OpenAlerts alerts)
      throws Exception {
    boolean changed = false;
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      Double value = reading.metric(rule.metric());
      if (value != null) {
        changed |= apply(rule, value, reading, now, alerts);
      }
    }
    return changed;
  }

  private boolean apply(Rule rule, double value, Telemetry reading, Instant now, OpenAlerts alerts)
      throws Exception {
    RuleTrack before = tracks.get(rule.ruleId());
    RuleCondition.Step step = RuleCondition.apply(rule, before, value, reading.ts());
    RuleTrack track = step.track();
    if (track == null) {
      if (before != null) {
        tracks.remove(rule.ruleId());
      }
    } else {
      tracks.put(rule.ruleId(), track);
    }
    switch (step.outcome()) {
      case OPENED -> {
        alerts.raise(
            Alert.open(
                    reading,
                    rule.ruleId(),
                    rule.alertType(),
                    rule.metric(),
                    rule.severity(),
                    Instant.ofEpochMilli(track.activeSinceMs()),
                    rule.inWords(),
                    now)
                .seen(
                    Instant.ofEpochMilli(track.lastBreachMs()),
                    RuleCondition.message(rule, track.peak()),
                    track.peak(),
                    rule.threshold(),
                    track.recent(),
                    now));
        return true;
      }
      case CONTINUED -> {
        Alert open = alerts.get(rule.ruleId());
        if (open == null) {
          return false; // resolved when the rule changed, and the track was kept: cannot happen
        }
        Alert alert =
            open.withRule(rule.severity(), rule.inWords())
                .seen(
                    Instant.ofEpochMilli(track.lastBreachMs()),
                    RuleCondition.message(rule, track.peak()),
                    track.peak(),
                    rule.threshold(),
                    track.recent(),
                    now);
        alerts.update(alert);
        return !alert.severity().equals(open.severity()) || !alert.message().equals(open.message());
      }
      case RESOLVED -> {
        Alert open = alerts.get(rule.ruleId());
        if (open == null) {
          return false;
        }
        // the evidence ends with the reading that cleared the condition
        List<Sample> evidence = Sample.append(before.recent(), new Sample(reading.ts(), value));
        alerts.resolve(
            open.seen(
                open.lastSeenAt(), open.message(), open.peakValue(), open.limit(), evidence, now),
            reading.ts(),
            now);
        return true;
      }
      default -> {
        return false;
      }
    }
  }
}
