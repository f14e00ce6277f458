package io.smartbuilding.analytics.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One reading of one metric, as kept for the evidence of an alert. */
public record Sample(Instant ts, double value) {

  /** At most this many readings back an alert (contract: evidence.readings). */
  public static final int MAX_EVIDENCE = 20;

  /**
   * {@code samples} with {@code next} appended, the oldest dropped beyond {@link #MAX_EVIDENCE}.
   */
  public static List<Sample> append(List<Sample> samples, Sample next) {
    List<Sample> result = new ArrayList<>(Math.min(samples.size() + 1, MAX_EVIDENCE));
    int from = Math.max(0, samples.size() + 1 - MAX_EVIDENCE);
    for (int i = from; i < samples.size(); i++) {
      result.add(samples.get(i));
    }
    result.add(next);
    return result;
  }
}
