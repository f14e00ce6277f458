package io.smartbuilding.api.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartbuilding.api.problem.ProblemException;
import io.smartbuilding.contracts.alert.AlertStatus;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AlertFilterTest {

  @Test
  void defaultsToEveryBuildingEveryStatusAndAHundred() {
    assertThat(AlertFilter.parse(null, null, null))
        .isEqualTo(new AlertFilter(Optional.empty(), Optional.empty(), 100));
  }

  @Test
  void readsEmptyValuesAsAbsent() {
    assertThat(AlertFilter.parse("", "", ""))
        .isEqualTo(new AlertFilter(Optional.empty(), Optional.empty(), 100));
  }

  @Test
  void parsesEveryParameter() {
    assertThat(AlertFilter.parse("hq-berlin", "acknowledged", "500"))
        .isEqualTo(
            new AlertFilter(Optional.of("hq-berlin"), Optional.of(AlertStatus.ACKNOWLEDGED), 500));
  }

  @ParameterizedTest
  @ValueSource(strings = {"closed", "Open", " open", " "})
  void refusesStatusesOutsideTheWireValues(String status) {
    assertThatThrownBy(() -> AlertFilter.parse(null, status, null))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(400);
              assertThat(e.problem().parameter()).isEqualTo("status");
              assertThat(e.problem().detail())
                  .startsWith("'status' must be one of open, acknowledged, resolved");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "501", "-5", "ten", "2147483648", " "})
  void refusesLimitsOutside1To500(String limit) {
    assertThatThrownBy(() -> AlertFilter.parse(null, null, limit))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.problem().parameter()).isEqualTo("limit"));
  }

  @Test
  void refusesAMalformedBuildingId() {
    assertThatThrownBy(() -> AlertFilter.parse("a/b", null, null))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.problem().parameter()).isEqualTo("buildingId"));
  }
}
