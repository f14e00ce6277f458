package io.smartbuilding.analytics.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartbuilding.contracts.alert.AlertType;
import io.smartbuilding.contracts.alert.Severity;
import io.smartbuilding.contracts.telemetry.DeviceType;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleIndexTest {

  private static Rule rule(String id, String type, String metric, RuleKind kind, double threshold) {
    return rule(id, type, metric, kind, threshold, true);
  }

  private static Rule rule(
      String id, String type, String metric, RuleKind kind, double threshold, boolean enabled) {
    return new Rule(
        id,
        type,
        metric,
        kind,
        AlertType.THRESHOLD,
        threshold,
        0,
        0,
        Severity.WARNING,
        enabled,
        "");
  }

  @Test
  void listsTheEnabledRulesOfEachTypeInTheirOrder() {
    Rule any = rule("ANY", "*", "temperatureC", RuleKind.ABOVE, 60);
    Rule ahu = rule("AHU", "AIR_HANDLER", "filterPressureDropPa", RuleKind.ABOVE, 400);
    Rule off = rule("OFF", "AIR_HANDLER", "fanSpeedPct", RuleKind.BELOW, 5, false);
    RuleIndex index = new RuleIndex(new RuleSet(List.of(any, ahu, off)));

    assertThat(index.forType(DeviceType.AIR_HANDLER)).containsExactly(any, ahu);
    assertThat(index.forType(DeviceType.ZONE_SENSOR)).containsExactly(any);
  }

  @Test
  void theWearLimitIsTheLowestEnabledAboveRuleOfTheMetricForTheType() {
    RuleIndex index =
        new RuleIndex(
            new RuleSet(
                List.of(
                    rule("HIGH", "*", "vibrationMmS", RuleKind.ABOVE, 11),
                    rule("LOWER", "AIR_HANDLER", "vibrationMmS", RuleKind.ABOVE, 7),
                    rule("OFF", "AIR_HANDLER", "vibrationMmS", RuleKind.ABOVE, 3, false),
                    rule("BELOW", "AIR_HANDLER", "vibrationMmS", RuleKind.BELOW, 1),
                    rule("RATE", "AIR_HANDLER", "vibrationMmS", RuleKind.RATE_OF_CHANGE, 2))));

    assertThat(index.lowestAbove(DeviceType.AIR_HANDLER, "vibrationMmS")).isEqualTo(7.0);
    assertThat(index.lowestAbove(DeviceType.ZONE_SENSOR, "vibrationMmS")).isEqualTo(11.0);
    assertThat(index.lowestAbove(DeviceType.AIR_HANDLER, "filterPressureDropPa")).isNull();
  }
}
