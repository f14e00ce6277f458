package io.smartbuilding.analytics.anomaly;

import static io.smartbuilding.analytics.Readings.DEVICE;
import static io.smartbuilding.analytics.Readings.T0;
import static io.smartbuilding.analytics.Readings.reading;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartbuilding.analytics.alert.Alert;
import io.smartbuilding.analytics.alert.InMemoryMapState;
import io.smartbuilding.analytics.alert.RecordingOpenAlerts;
import io.smartbuilding.contracts.alert.AlertStatus;
import io.smartbuilding.contracts.alert.AlertType;
import io.smartbuilding.contracts.alert.Severity;
import io.smartbuilding.contracts.telemetry.Telemetry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnomalyEvaluationTest {

  private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

  private final InMemoryMapState<String, AnomalyTrack> tracks = new InMemoryMapState<>();
  private final AnomalyEvaluation evaluation =
      new AnomalyEvaluation(new AnomalySettings(List.of("vibrationMmS"), 0.1, 4.0, 2, 10), tracks);
  private final RecordingOpenAlerts alerts = new RecordingOpenAlerts();
  private long seq;

  private boolean vibration(double value) throws Exception {
    seq++;
    Telemetry reading =
        reading(DEVICE, seq, T0.plusSeconds(seq), Map.of("vibrationMmS", value, "other", 1.0));
    return evaluation.apply(reading, NOW, alerts);
  }

  @Test
  void raisesAfterConsecutiveAbnormalReadingsAndResolvesAfterAsManyNormalOnes() throws Exception {
    for (int i = 0; i < 20; i++) {
      assertThat(vibration(2.0 + (i % 2 == 0 ? 0.05 : -0.05))).isFalse();
    }
    assertThat(vibration(5.0)).as("one abnormal reading is not enough").isFalse();
    assertThat(vibration(5.5)).as("opened").isTrue();
    assertThat(vibration(6.0)).as("continued with a new peak: a new message, a new reason").isTrue();
    assertThat(vibration(2.0)).isFalse();
    assertThat(vibration(2.0)).as("resolved").isTrue();

    assertThat(alerts.statuses())
        .containsExactly(AlertStatus.OPEN, AlertStatus.OPEN, AlertStatus.RESOLVED);
    Alert opened = alerts.emitted.get(0);
    assertThat(opened.ruleId()).isEqualTo("ANOMALY-vibrationMmS");
    assertThat(opened.type()).isEqualTo(AlertType.ANOMALY);
    assertThat(opened.severity()).isEqualTo(Severity.WARNING);
    assertThat(opened.openedAt()).isEqualTo(T0.plusSeconds(21));
    assertThat(opened.peakValue()).isEqualTo(5.5);
    assertThat(opened.message()).startsWith("vibrationMmS 5.5 is ");
    assertThat(opened.evidenceRule())
        .isEqualTo(
            "ANOMALY-vibrationMmS: vibrationMmS more than 4.0 standard deviations from its moving"
                + " average for 2 readings in a row");
    assertThat(alerts.emitted.get(2).resolvedAt()).isEqualTo(T0.plusSeconds(25));
    assertThat(tracks.map).containsOnlyKeys("vibrationMmS");
  }

  @Test
  void aMetricNoLongerWatchedLosesItsTrackAndItsOpenAlert() throws Exception {
    for (int i = 0; i < 20; i++) {
      vibration(2.0 + (i % 2 == 0 ? 0.05 : -0.05));
    }
    vibration(5.0);
    vibration(5.5);
    assertThat(alerts.open).containsKey("ANOMALY-vibrationMmS");
    AnomalyEvaluation restarted =
        new AnomalyEvaluation(new AnomalySettings(List.of("other"), 0.1, 4.0, 2, 10), tracks);
    Telemetry next = reading(DEVICE, 100, T0.plusSeconds(100), Map.of("other", 1.0));

    assertThat(restarted.retireUnconfigured(next, NOW, alerts)).isTrue();

    assertThat(alerts.open).isEmpty();
    assertThat(alerts.emitted).last().extracting(Alert::status, Alert::resolvedAt)
        .containsExactly(AlertStatus.RESOLVED, T0.plusSeconds(100));
    assertThat(tracks.map).isEmpty();
    assertThat(restarted.retireUnconfigured(next, NOW, alerts)).isFalse();
  }

  @Test
  void ignoresMetricsItDoesNotWatch() throws Exception {
    Telemetry reading = reading(DEVICE, 1, T0, Map.of("temperatureC", 20.0));

    assertThat(evaluation.apply(reading, NOW, alerts)).isFalse();
    assertThat(tracks.reads + tracks.writes).isZero();
  }
}
