package io.smartbuilding.analytics.rules;

import static io.smartbuilding.analytics.Readings.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartbuilding.contracts.alert.AlertType;
import io.smartbuilding.contracts.alert.Severity;
import org.junit.jupiter.api.Test;

class RuleConditionTest {

  @Test
  void aRateOfChangeThatOverflowsIsTheLargestRateNotInfinity() {
    Rule rule =
        new Rule(
            "JUMP",
            "*",
            "pressurePa",
            RuleKind.RATE_OF_CHANGE,
            AlertType.RATE_OF_CHANGE,
            10,
            1,
            0,
            Severity.WARNING,
            true,
            "");
    RuleCondition.Step first = RuleCondition.apply(rule, null, -1.7e308, T0);
    RuleCondition.Step second = RuleCondition.apply(rule, first.track(), 1.7e308, T0.plusMillis(1));

    assertThat(second.observed()).isEqualTo(Double.MAX_VALUE);
    assertThat(second.outcome()).isEqualTo(RuleCondition.Outcome.OPENED);
    assertThat(second.track().peak()).isFinite();
  }
}
