package io.smartbuilding.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartbuilding.simulator.mqtt.DeliveryStats;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

  @Test
  void progressShowsCountsRateSinceTheLastLineAndTheConnection() {
    DeliveryStats before = new DeliveryStats(1000, 990, 0, 0);
    DeliveryStats now = new DeliveryStats(1240, 1238, 3, 1);
    assertThat(ProgressLine.progress(now, before, Duration.ofSeconds(5), true))
        .isEqualTo("sent=1240 acked=1238 failed=4 rate=48.0/s connected=yes");
    assertThat(ProgressLine.progress(now, before, Duration.ofSeconds(5), false))
        .endsWith("connected=no");
  }

  @Test
  void severalConnectionsShowHowManyAreUp() {
    DeliveryStats before = new DeliveryStats(0, 0, 0, 0);
    DeliveryStats now = new DeliveryStats(500, 500, 0, 0);
    assertThat(ProgressLine.progress(now, before, Duration.ofSeconds(5), 3, 4))
        .isEqualTo("sent=500 acked=500 failed=0 rate=100.0/s connected=3/4");
  }

  @Test
  void summaryCountsWhatIsStillUnacknowledged() {
    DeliveryStats stats = new DeliveryStats(500, 490, 7, 2);
    assertThat(stats.failed()).isEqualTo(9);
    assertThat(stats.notAcknowledged()).isEqualTo(8);
    assertThat(ProgressLine.summary(48, stats, Duration.ofSeconds(10)))
        .isEqualTo(
            "summary: devices=48 elapsed=10.0s sent=500 acked=490 failed=9 (refused=7 lost=2)"
                + " not-acknowledged=8 average-rate=50.0/s");
  }
}
