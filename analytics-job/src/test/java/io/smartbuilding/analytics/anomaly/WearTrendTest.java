package io.smartbuilding.analytics.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WearTrendTest {

  private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

  @Test
  void leastSquaresFindsTheSlopeAndTheLatestFittedValue() {
    long[] ms = {0, 60_000, 120_000, 180_000};
    double[] values = {10, 12, 14, 16}; // 2 per minute

    WearTrend.Line line = WearTrend.fit(ms, values);

    assertThat(line.slopePerMs() * 60_000).isCloseTo(2.0, within(1e-9));
    assertThat(line.valueAt()).isCloseTo(16.0, within(1e-9));
    assertThat(line.atMs()).isEqualTo(180_000);
    assertThat(line.reachesMs(20.0)).isEqualTo(300_000L);
  }

  @Test
  void fitsNoisyPointsAndKeepsPrecisionWithEpochMillis() {
    long base = T0.toEpochMilli();
    long[] ms = {base, base + 1000, base + 2000, base + 3000, base + 4000};
    double[] values = {1.1, 1.9, 3.1, 3.9, 5.0}; // about 1 per second

    WearTrend.Line line = WearTrend.fit(ms, values);

    // sum(dx * dy) / sum(dx^2) = 9.8 / 10
    assertThat(line.slopePerMs() * 1000).isCloseTo(0.98, within(1e-9));
  }

  @Test
  void aFlatOrFallingLineNeverReachesAHigherLimit() {
    assertThat(new WearTrend.Line(5, 0, 0).reachesMs(10)).isNull();
    assertThat(new WearTrend.Line(5, 0, -1).reachesMs(10)).isNull();
    assertThat(new WearTrend.Line(12, 7, -1).reachesMs(10)).as("already there").isEqualTo(7L);
  }

  @Test
  void averagesPerBucketKeepsABoundedWindowAndPredictsWithinTheHorizon() {
    WearTrend trend =
        new WearTrend(
            new WearSettings(List.of("x"), Duration.ofMinutes(1), 4, 3, Duration.ofHours(1)));
    WearWindow window = null;
    WearTrend.Step step = null;
    for (int minute = 0; minute < 10; minute++) {
      for (int s = 0; s < 60; s += 30) {
        // 1 per minute, 100 at minute 0: reaches 150 at minute 50, inside the 1 h horizon
        double value = 100 + minute + s / 60.0;
        step = trend.apply(window, value, T0.plusSeconds(minute * 60L + s), 150.0);
        window = step.window();
        assertThat(step.outcome())
            .as("judged only when a bucket completes")
            .isIn(
                s == 0
                    ? WearTrend.Outcome.values()
                    : new WearTrend.Outcome[] {WearTrend.Outcome.NONE});
      }
    }
    step = trend.apply(window, 110, T0.plusSeconds(600), 150.0); // completes minute 9
    window = step.window();
    assertThat(window.size()).isEqualTo(4);
    assertThat(window.alerted()).isTrue();
    assertThat(step.outcome()).isEqualTo(WearTrend.Outcome.CONTINUED);
    assertThat(step.predictedAt().toEpochMilli())
        // bucket m averages 100.25 + m at its middle (m min + 30 s): 150 at 50 min 15 s
        .isCloseTo(T0.plusSeconds(50 * 60 + 15).toEpochMilli(), within(1000L));
  }

  @Test
  void nothingIsPredictedWithoutALimitOrBeyondTheHorizon() {
    WearTrend trend =
        new WearTrend(
            new WearSettings(List.of("x"), Duration.ofMinutes(1), 10, 3, Duration.ofMinutes(5)));
    WearWindow noLimit = null;
    WearWindow farLimit = null;
    for (int minute = 0; minute < 6; minute++) {
      WearTrend.Step a = trend.apply(noLimit, 100 + minute, T0.plusSeconds(60L * minute), null);
      WearTrend.Step b = trend.apply(farLimit, 100 + minute, T0.plusSeconds(60L * minute), 1000.0);
      assertThat(a.outcome()).isEqualTo(WearTrend.Outcome.NONE);
      assertThat(b.outcome()).isEqualTo(WearTrend.Outcome.NONE);
      noLimit = a.window();
      farLimit = b.window();
    }
  }
}
