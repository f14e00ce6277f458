package io.smartbuilding.analytics.rules;

import io.smartbuilding.analytics.alert.Sample;
import io.smartbuilding.analytics.alert.SamplesTypeInfoFactory;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * Where one rule stands for one device (keyed state, one per device and rule).
 *
 * @param active the condition holds (broken, and not yet cleared past the hysteresis)
 * @param activeSinceMs event time the condition began: the alert's openedAt
 * @param alerted the alert is open (the condition has lasted the rule's duration)
 * @param peak the worst value of the episode (for RATE_OF_CHANGE: the fastest rate per minute)
 * @param lastBreachMs event time of the latest reading that broke the rule
 * @param hasPrevious whether {@code previous*} hold a reading (RATE_OF_CHANGE: the previous
 *     reading; STUCK: the value the metric has not left, and since when)
 * @param recent the latest readings while the condition holds, for the evidence (at most 20)
 */
public record RuleTrack(
    boolean active,
    long activeSinceMs,
    boolean alerted,
    double peak,
    long lastBreachMs,
    boolean hasPrevious,
    double previousValue,
    long previousMs,
    @TypeInfo(SamplesTypeInfoFactory.class) List<Sample> recent) {

  public static final RuleTrack IDLE = new RuleTrack(false, 0, false, 0, 0, false, 0, 0, List.of());

  public RuleTrack {
    recent = recent == null ? List.of() : List.copyOf(recent);
  }

  /** Nothing worth keeping: the track can be removed from state. */
  public boolean isIdle() {
    return !active && !hasPrevious;
  }
}
