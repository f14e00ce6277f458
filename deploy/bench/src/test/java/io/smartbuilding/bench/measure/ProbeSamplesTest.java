package io.smartbuilding.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProbeSamplesTest {
  private static final long MS = 1_000_000;

  @Test
  void everyReadingOfTheStepGivesASampleAndTheInvisibleOnesAreCensoredAtTheDeadline() {
    Map<Long, Long> published = new HashMap<>();
    Map<Long, Long> visible = new HashMap<>();
    // seqs 1-2 belong to the previous step; this step is 3..6, published 250 ms apart
    for (long seq = 1; seq <= 6; seq++) {
      published.put(seq, seq * 250 * MS);
    }
    visible.put(1L, 300 * MS);
    visible.put(2L, 700 * MS);
    visible.put(3L, 1_000 * MS); // 250 ms
    visible.put(4L, 1_400 * MS); // 400 ms
    // 5 and 6 published at the end of the step, still invisible when the drain ended at 9 s
    ProbeSamples s = ProbeSamples.collect(published, visible, 3, 6, 9_000 * MS);
    assertThat(s.latenciesMs()).containsExactly(250L, 400L, 7_750L, 7_500L);
    assertThat(s.censored()).isEqualTo(2);
    // the censored ones are the slowest and decide p99, instead of being dropped
    assertThat(Percentiles.of(s.latenciesMs()).at(99)).isEqualTo(7_750);
  }

  @Test
  void aReadingThatBecameVisibleDuringTheDrainKeepsItsRealLatency() {
    Map<Long, Long> published = Map.of(1L, 0L, 2L, 250 * MS);
    Map<Long, Long> visible = Map.of(1L, 200 * MS, 2L, 20_250 * MS); // 20 s, seen in the drain
    ProbeSamples s = ProbeSamples.collect(published, visible, 1, 2, 30_000 * MS);
    assertThat(s.latenciesMs()).containsExactly(200L, 20_000L);
    assertThat(s.censored()).isZero();
  }

  @Test
  void aFailedPublishIsNoSampleAndAnEmptyRangeHasNone() {
    Map<Long, Long> published = Map.of(1L, 0L, 3L, 500 * MS); // seq 2 was never published
    Map<Long, Long> visible = Map.of(1L, 100 * MS, 3L, 600 * MS);
    assertThat(ProbeSamples.collect(published, visible, 1, 3, MS).latenciesMs())
        .containsExactly(100L, 100L);
    assertThat(ProbeSamples.collect(published, visible, 4, 3, MS).latenciesMs()).isEmpty();
  }
}
