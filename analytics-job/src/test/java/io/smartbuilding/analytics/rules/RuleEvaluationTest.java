package io.smartbuilding.analytics.rules;

import static io.smartbuilding.analytics.Readings.DEVICE;
import static io.smartbuilding.analytics.Readings.T0;
import static io.smartbuilding.analytics.Readings.reading;
import static io.smartbuilding.analytics.Readings.temperature;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartbuilding.analytics.alert.Alert;
import io.smartbuilding.analytics.alert.InMemoryMapState;
import io.smartbuilding.analytics.alert.RecordingOpenAlerts;
import io.smartbuilding.analytics.alert.Sample;
import io.smartbuilding.contracts.alert.AlertStatus;
import io.smartbuilding.contracts.alert.AlertType;
import io.smartbuilding.contracts.alert.Severity;
import io.smartbuilding.contracts.tables.AlertTable;
import io.smartbuilding.contracts.telemetry.Telemetry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleEvaluationTest {

  private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
  private static final Rule HOT =
      new Rule(
          "HOT",
          "*",
          "temperatureC",
          RuleKind.ABOVE,
          AlertType.OVERHEAT,
          60,
          2,
          0,
          Severity.CRITICAL,
          true,
          "");

  private final InMemoryMapState<String, RuleTrack> tracks = new InMemoryMapState<>();
  private final RuleEvaluation evaluation = new RuleEvaluation(tracks);
  private final RecordingOpenAlerts alerts = new RecordingOpenAlerts();

  private boolean apply(Telemetry reading, Rule... rules) throws Exception {
    return evaluation.apply(List.of(rules), reading, NOW, alerts);
  }

  @Test
  void opensFollowsThePeakAndResolvesPastTheHysteresis() throws Exception {
    assertThat(apply(temperature(1, T0, 61), HOT)).as("opened").isTrue();
    assertThat(apply(temperature(2, T0.plusSeconds(1), 65), HOT))
        .as("new peak: new message")
        .isTrue();
    assertThat(apply(temperature(3, T0.plusSeconds(2), 62), HOT)).as("same message").isFalse();
    assertThat(apply(temperature(4, T0.plusSeconds(3), 57), HOT)).as("resolved").isTrue();

    assertThat(alerts.statuses())
        .containsExactly(
            AlertStatus.OPEN, AlertStatus.OPEN, AlertStatus.OPEN, AlertStatus.RESOLVED);
    Alert opened = alerts.emitted.get(0);
    assertThat(opened.alertId()).isEqualTo(AlertTable.alertId(DEVICE, "HOT", T0.toEpochMilli()));
    assertThat(opened.message()).isEqualTo("temperatureC 61 above limit 60");
    assertThat(opened.updatedAt()).isEqualTo(NOW);
    Alert closed = alerts.emitted.get(3);
    assertThat(closed.peakValue()).isEqualTo(65.0);
    assertThat(closed.resolvedAt()).isEqualTo(T0.plusSeconds(3));
    assertThat(closed.evidence())
        .as("ends with the reading that cleared it")
        .extracting(Sample::value)
        .containsExactly(61.0, 65.0, 62.0, 57.0);
    assertThat(alerts.raised).isEqualTo(1);
    assertThat(alerts.resolved).isEqualTo(1);
    assertThat(alerts.open).isEmpty();
    assertThat(tracks.map).as("an ABOVE rule keeps nothing once cleared").isEmpty();
  }

  @Test
  void aReadingWithoutTheRulesMetricTouchesNoState() throws Exception {
    assertThat(apply(reading(DEVICE, 1, T0, Map.of("fanSpeedPct", 50.0)), HOT)).isFalse();

    assertThat(tracks.reads + tracks.writes).isZero();
    assertThat(alerts.emitted).isEmpty();
  }

  @Test
  void aFollowingReadingThatStillBreaksTheRuleTakesItsNewSeverity() throws Exception {
    apply(temperature(1, T0, 61), HOT);
    Rule warning =
        new Rule(
            "HOT",
            "*",
            "temperatureC",
            RuleKind.ABOVE,
            AlertType.OVERHEAT,
            60,
            2,
            0,
            Severity.WARNING,
            true,
            "");

    assertThat(apply(temperature(2, T0.plusSeconds(1), 61), warning)).isTrue();
    assertThat(alerts.open.get("HOT").severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void aContinuedConditionWithoutAnOpenAlertChangesNothing() throws Exception {
    apply(temperature(1, T0, 61), HOT);
    alerts.open.clear(); // as if resolved elsewhere while the track was kept

    assertThat(apply(temperature(2, T0.plusSeconds(1), 70), HOT)).isFalse();
    assertThat(alerts.emitted).hasSize(1);
    assertThat(alerts.open).isEmpty();
  }
}
