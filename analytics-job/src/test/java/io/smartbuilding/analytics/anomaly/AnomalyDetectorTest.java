package io.smartbuilding.analytics.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnomalyDetectorTest {

  private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
  private final AnomalyDetector detector =
      new AnomalyDetector(new AnomalySettings(List.of("x"), 0.1, 3.0, 2, 10));

  @Test
  void judgesNothingDuringTheWarmUp() {
    AnomalyTrack track = null;
    for (int i = 0; i < 10; i++) {
      AnomalyDetector.Step step = detector.apply(track, i == 9 ? 1000 : 1, T0.plusSeconds(i));
      assertThat(step.outcome()).isEqualTo(AnomalyDetector.Outcome.NONE);
      track = step.track();
    }
    assertThat(track.baseline().count()).isEqualTo(10);
  }

  @Test
  void aSingleSpikeIsNotEnoughAndDoesNotMoveTheBaseline() {
    AnomalyTrack track = warm(20);
    double mean = track.baseline().mean();

    AnomalyDetector.Step spike = detector.apply(track, 50, T0.plusSeconds(100));
    AnomalyDetector.Step normal = detector.apply(spike.track(), 10, T0.plusSeconds(101));

    assertThat(spike.outcome()).isEqualTo(AnomalyDetector.Outcome.NONE);
    assertThat(spike.track().run()).isEqualTo(1);
    assertThat(spike.track().baseline().mean()).isEqualTo(mean);
    assertThat(normal.track().run()).isZero();
    assertThat(normal.track().recent()).isEmpty();
  }

  @Test
  void opensOnTheConsecutiveAbnormalReadingsInEitherDirection() {
    AnomalyDetector.Step first = detector.apply(warm(20), -20, T0.plusSeconds(100));
    AnomalyDetector.Step second = detector.apply(first.track(), -25, T0.plusSeconds(101));

    assertThat(second.outcome()).isEqualTo(AnomalyDetector.Outcome.OPENED);
    assertThat(second.track().runSinceMs()).isEqualTo(T0.plusSeconds(100).toEpochMilli());
    assertThat(second.track().peakValue()).isEqualTo(-25);
    assertThat(second.z()).isLessThan(-3);
  }

  /** A baseline of 10 +- 1. */
  private AnomalyTrack warm(int readings) {
    AnomalyTrack track = null;
    for (int i = 0; i < readings; i++) {
      track = detector.apply(track, i % 2 == 0 ? 9 : 11, T0.plusSeconds(i)).track();
    }
    return track;
  }
}
