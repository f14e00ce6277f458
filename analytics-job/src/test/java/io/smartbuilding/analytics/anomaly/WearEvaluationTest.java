package io.smartbuilding.analytics.anomaly;

import static io.smartbuilding.analytics.Readings.DEVICE;
import static io.smartbuilding.analytics.Readings.T0;
import static io.smartbuilding.analytics.Readings.reading;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartbuilding.analytics.alert.Alert;
import io.smartbuilding.analytics.alert.InMemoryMapState;
import io.smartbuilding.analytics.alert.RecordingOpenAlerts;
import io.smartbuilding.analytics.rules.Rule;
import io.smartbuilding.analytics.rules.RuleIndex;
import io.smartbuilding.analytics.rules.RuleKind;
import io.smartbuilding.analytics.rules.RuleSet;
import io.smartbuilding.contracts.alert.AlertStatus;
import io.smartbuilding.contracts.alert.AlertType;
import io.smartbuilding.contracts.alert.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WearEvaluationTest {

  private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
  private static final RuleIndex CLOGGED_AT_400 =
      new RuleIndex(
          new RuleSet(
              List.of(
                  new Rule(
                      "CLOGGED",
                      "AIR_HANDLER",
                      "filterPressureDropPa",
                      RuleKind.ABOVE,
                      AlertType.THRESHOLD,
                      400,
                      0,
                      0,
                      Severity.WARNING,
                      true,
                      ""))));

  private final InMemoryMapState<String, WearWindow> windows = new InMemoryMapState<>();
  private final WearEvaluation evaluation =
      new WearEvaluation(
          new WearSettings(
              List.of("filterPressureDropPa"), Duration.ofMinutes(1), 5, 3, Duration.ofDays(1)),
          windows);
  private final RecordingOpenAlerts alerts = new RecordingOpenAlerts();

  /** One reading a minute, so every reading closes the previous bucket. */
  private void perMinute(RuleIndex rules, double... values) throws Exception {
    for (int minute = 0; minute < values.length; minute++) {
      evaluation.apply(
          reading(
              DEVICE,
              minute,
              T0.plusSeconds(60L * minute),
              Map.of("filterPressureDropPa", values[minute])),
          rules,
          NOW,
          alerts);
    }
  }

  @Test
  void aRiseTowardsTheRuleLimitIsPredictedAndAFallResolvesIt() throws Exception {
    perMinute(CLOGGED_AT_400, 300, 301, 302, 303, 150, 150, 150, 150);

    assertThat(alerts.statuses()).startsWith(AlertStatus.OPEN).endsWith(AlertStatus.RESOLVED);
    Alert opened = alerts.emitted.get(0);
    assertThat(opened.ruleId()).isEqualTo("PREDICTED_WEAR-filterPressureDropPa");
    assertThat(opened.type()).isEqualTo(AlertType.PREDICTED_WEAR);
    assertThat(opened.severity()).isEqualTo(Severity.INFO);
    assertThat(opened.openedAt()).isEqualTo(T0.plusSeconds(180)); // closes the third bucket
    assertThat(opened.limit()).isEqualTo(400.0);
    assertThat(opened.predictedAt()).isNotNull();
    assertThat(opened.message()).startsWith("filterPressureDropPa predicted to reach 400.0 by ");
    assertThat(alerts.raised).isEqualTo(1);
    assertThat(alerts.open).isEmpty();
  }

  @Test
  void aMetricNoLongerWatchedLosesItsWindowAndItsOpenPrediction() throws Exception {
    perMinute(CLOGGED_AT_400, 300, 301, 302, 303);
    assertThat(alerts.open).containsKey("PREDICTED_WEAR-filterPressureDropPa");
    WearEvaluation restarted =
        new WearEvaluation(
            new WearSettings(List.of(), Duration.ofMinutes(1), 5, 3, Duration.ofDays(1)), windows);

    assertThat(
            restarted.retireUnconfigured(
                reading(DEVICE, 10, T0.plusSeconds(600), Map.of()), NOW, alerts))
        .isTrue();

    assertThat(alerts.open).isEmpty();
    assertThat(alerts.statuses()).endsWith(AlertStatus.RESOLVED);
    assertThat(windows.map).isEmpty();
  }

  @Test
  void withoutAnAboveRuleThereIsNoLimitAndNoPrediction() throws Exception {
    perMinute(new RuleIndex(new RuleSet(List.of())), 300, 310, 320, 330, 340, 350);

    assertThat(alerts.emitted).isEmpty();
    assertThat(windows.map).containsOnlyKeys("filterPressureDropPa");
  }
}
