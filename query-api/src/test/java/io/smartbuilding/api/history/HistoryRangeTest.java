package io.smartbuilding.api.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartbuilding.api.problem.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class HistoryRangeTest {

  private static final Clock NOW =
      Clock.fixed(Instant.parse("2025-03-02T12:34:56Z"), ZoneOffset.UTC);

  @Test
  void defaultsToTheLast24HoursAtTheStoredResolution() {
    HistoryRange range =
        HistoryRange.parse("temperatureC", null, null, null, Resolution.ONE_MINUTE, NOW);

    assertThat(range.to()).isEqualTo(Instant.parse("2025-03-02T12:34:56Z"));
    assertThat(range.from()).isEqualTo(Instant.parse("2025-03-01T12:35:00Z"));
    assertThat(range.resolution()).isEqualTo(Resolution.ONE_MINUTE);
  }

  @Test
  void roundsFromDownToItsBucket() {
    HistoryRange range =
        HistoryRange.parse(
            "co2Ppm",
            "2025-03-01T08:47:00Z",
            "2025-03-01T12:00:00Z",
            "1h",
            Resolution.FIVE_MINUTES,
            NOW);

    assertThat(range.from()).isEqualTo(Instant.parse("2025-03-01T08:00:00Z"));
    assertThat(range.resolution()).isEqualTo(Resolution.ONE_HOUR);
  }

  @Test
  void refusesAResolutionFinerThanTheStoredSeries() {
    assertRefused(
        () -> HistoryRange.parse("co2Ppm", null, null, "1m", Resolution.FIVE_MINUTES, NOW),
        "resolution",
        "'resolution' must be one of 5m, 15m, 1h");
    assertRefused(
        () -> HistoryRange.parse("co2Ppm", null, null, "2m", Resolution.ONE_MINUTE, NOW),
        "resolution",
        "'resolution' must be one of 1m, 5m, 15m, 1h");
  }

  @Test
  void refusesAMissingOrUnknownMetric() {
    assertRefused(
        () -> HistoryRange.parse(null, null, null, null, Resolution.ONE_MINUTE, NOW),
        "metric",
        "'metric' is required");
    assertRefused(
        () -> HistoryRange.parse("temperature", null, null, null, Resolution.ONE_MINUTE, NOW),
        "metric",
        "'metric' must be one of");
  }

  @Test
  void boundsPointsAndStoredBucketsRead() {
    // 1441 minutes at 1m: one point too many.
    assertRefused(
        () ->
            HistoryRange.parse(
                "powerKw",
                "2025-03-01T00:00:00Z",
                "2025-03-02T00:01:00Z",
                "1m",
                Resolution.ONE_MINUTE,
                NOW),
        "from",
        "at most 24 hours");
    // 8 days of one-minute buckets at 1h: few points, but too many stored buckets to read.
    assertRefused(
        () ->
            HistoryRange.parse(
                "powerKw",
                "2025-03-01T00:00:00Z",
                "2025-03-09T00:00:00Z",
                "1h",
                Resolution.ONE_MINUTE,
                NOW),
        "from",
        "at most 168 hours");
    assertThat(
            HistoryRange.parse(
                "powerKw",
                "2025-03-01T00:00:00Z",
                "2025-03-08T00:00:00Z",
                "1h",
                Resolution.ONE_MINUTE,
                NOW))
        .isNotNull();
  }

  private static void assertRefused(Runnable parse, String parameter, String detail) {
    assertThatThrownBy(parse::run)
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().parameter()).isEqualTo(parameter);
              assertThat(e.problem().detail()).contains(detail);
            });
  }
}
