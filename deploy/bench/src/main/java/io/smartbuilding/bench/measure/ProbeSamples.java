package io.smartbuilding.bench.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The latency samples of the probe readings published in one step: every one of them gives a
 * sample, so the slowest readings are not the ones left out. A reading that became readable gives
 * its publish -> visible time; one still not readable at the deadline (the end of the drain) gives
 * deadline - publish, a lower bound ("censored"), which keeps a stalled pipeline's readings in the
 * percentiles instead of dropping them.
 *
 * @param latenciesMs one per reading published in the step, censored ones included
 * @param censored how many of them are lower bounds (not readable by the deadline)
 */
public record ProbeSamples(List<Long> latenciesMs, int censored) {

  /**
   * @param publishedAtNanos seq -> System.nanoTime() when it was published
   * @param visibleAtNanos seq -> when a poll first showed it
   * @param fromSeq first seq of the step
   * @param toSeq last seq of the step (inclusive); none when below fromSeq
   * @param deadlineNanos when the step's readings stopped being waited for
   */
  public static ProbeSamples collect(
      Map<Long, Long> publishedAtNanos,
      Map<Long, Long> visibleAtNanos,
      long fromSeq,
      long toSeq,
      long deadlineNanos) {
    List<Long> latencies = new ArrayList<>();
    int censored = 0;
    for (long seq = fromSeq; seq <= toSeq; seq++) {
      Long published = publishedAtNanos.get(seq);
      if (published == null) {
        continue; // the publish failed: not a reading of this step
      }
      Long visible = visibleAtNanos.get(seq);
      if (visible == null) {
        censored++;
        latencies.add(Math.max(deadlineNanos - published, 0) / 1_000_000);
      } else {
        latencies.add(Math.max(visible - published, 0) / 1_000_000);
      }
    }
    return new ProbeSamples(latencies, censored);
  }
}
