package io.smartbuilding.analytics.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartbuilding.contracts.alert.AlertType;
import io.smartbuilding.contracts.alert.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules read from a file; invalid ones are reported and skipped, never fatal. */
class RuleStoresTest {

  @TempDir Path dir;

  @Test
  void readsValidRulesAndReportsEachInvalidOne() throws Exception {
    Path file = dir.resolve("rules.json");
    Files.writeString(
        file,
        """
        [
          {"ruleId": "CO2", "deviceType": "ZONE_SENSOR", "metric": "co2Ppm", "kind": "above",
           "alertType": "THRESHOLD", "threshold": 1000, "hysteresis": 50, "durationSeconds": 600,
           "severity": "WARNING", "description": "stuffy"},
          {"ruleId": "OFF", "metric": "batteryPct", "kind": "BELOW", "alertType": "BATTERY_LOW",
           "threshold": 15, "severity": "INFO", "enabled": false},
          {"ruleId": "BAD", "metric": "x", "kind": "SIDEWAYS", "alertType": "THRESHOLD",
           "threshold": "high", "severity": "WARNING"},
          {"metric": "x", "kind": "ABOVE", "alertType": "OFFLINE", "threshold": 1,
           "severity": "WARNING", "deviceType": "TOASTER"}
        ]
        """);

    LoadedRules loaded = new FileRuleStore(file).load();

    assertThat(loaded.rules().rules())
        .containsExactly(
            new Rule(
                "CO2",
                "ZONE_SENSOR",
                "co2Ppm",
                RuleKind.ABOVE,
                AlertType.THRESHOLD,
                1000,
                50,
                600,
                Severity.WARNING,
                true,
                "stuffy"),
            new Rule(
                "OFF",
                "*",
                "batteryPct",
                RuleKind.BELOW,
                AlertType.BATTERY_LOW,
                15,
                0,
                0,
                Severity.INFO,
                false,
                ""));
    assertThat(loaded.invalid()).hasSize(2);
    assertThat(loaded.invalid().get(0)).contains("BAD", "kind 'SIDEWAYS'", "threshold");
    assertThat(loaded.invalid().get(1))
        .contains(
            "(no ruleId)", "deviceType", "alertType must be an alert type other than OFFLINE");
  }

  @Test
  void rejectsBuiltInIdsBadEnabledNegativeThresholdsLongDurationsAndDuplicateIds()
      throws Exception {
    Path file = dir.resolve("rules.json");
    Files.writeString(
        file,
        """
        [
          {"ruleId": "OFFLINE", "metric": "x", "kind": "ABOVE", "alertType": "THRESHOLD",
           "threshold": 1, "severity": "WARNING"},
          {"ruleId": "ANOMALY-vibrationMmS", "metric": "x", "kind": "ABOVE",
           "alertType": "THRESHOLD", "threshold": 1, "severity": "WARNING"},
          {"ruleId": "PREDICTED_WEAR-x", "metric": "x", "kind": "ABOVE",
           "alertType": "THRESHOLD", "threshold": 1, "severity": "WARNING"},
          {"ruleId": "TYPO", "metric": "x", "kind": "ABOVE", "alertType": "THRESHOLD",
           "threshold": 1, "severity": "WARNING", "enabled": "yes"},
          {"ruleId": "TEXT", "metric": "x", "kind": "ABOVE", "alertType": "THRESHOLD",
           "threshold": 1, "severity": "WARNING", "enabled": "false"},
          {"ruleId": "RATE", "metric": "x", "kind": "RATE_OF_CHANGE",
           "alertType": "RATE_OF_CHANGE", "threshold": -1, "severity": "WARNING"},
          {"ruleId": "STUCK", "metric": "x", "kind": "STUCK", "alertType": "STUCK_SENSOR",
           "threshold": -0.5, "severity": "WARNING"},
          {"ruleId": "LONG", "metric": "x", "kind": "ABOVE", "alertType": "THRESHOLD",
           "threshold": 1, "severity": "WARNING", "durationSeconds": 1e300},
          {"ruleId": "TWICE", "metric": "x", "kind": "ABOVE", "alertType": "THRESHOLD",
           "threshold": 1, "severity": "WARNING"},
          {"ruleId": "TWICE", "metric": "y", "kind": "ABOVE", "alertType": "THRESHOLD",
           "threshold": 2, "severity": "WARNING"}
        ]
        """);

    LoadedRules loaded = new FileRuleStore(file).load();

    assertThat(loaded.rules().rules())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.ruleId()).isEqualTo("TEXT");
              assertThat(r.enabled()).isFalse();
            });
    assertThat(loaded.invalid()).hasSize(8);
    assertThat(String.join("\n", loaded.invalid()))
        .contains(
            "OFFLINE: ruleId must not be OFFLINE",
            "ANOMALY-vibrationMmS: ruleId must not",
            "PREDICTED_WEAR-x: ruleId must not",
            "TYPO: enabled must be true or false",
            "RATE: threshold must be >= 0 for RATE_OF_CHANGE",
            "STUCK: threshold must be >= 0 for STUCK",
            "LONG: durationSeconds must be between 0 and 31536000",
            "TWICE: ruleId appears 2 times");
  }

  @Test
  void aFileThatIsNotAListIsAnErrorOfTheRead() throws Exception {
    Path file = dir.resolve("rules.json");
    Files.writeString(file, "{\"ruleId\": \"X\"}");

    assertThatThrownBy(() -> new FileRuleStore(file).load()).hasMessageContaining("JSON array");
  }

  @Test
  void theDefaultsKeepTheOverheatRuleOfEarlierVersions() {
    Rule overheat = DefaultRules.of(60, 2).byId().get("OVERHEAT");

    assertThat(overheat.kind()).isEqualTo(RuleKind.ABOVE);
    assertThat(overheat.metric()).isEqualTo("temperatureC");
    assertThat(overheat.threshold()).isEqualTo(60);
    assertThat(overheat.hysteresis()).isEqualTo(2);
    assertThat(overheat.alertType()).isEqualTo(AlertType.OVERHEAT);
    assertThat(overheat.inWords())
        .isEqualTo(
            "OVERHEAT: temperatureC above 60 (clears at or below 58) on any device"
                + " (equipment or room overheating)");
  }
}
