package io.smartbuilding.api.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartbuilding.api.problem.ProblemException;
import io.smartbuilding.contracts.alert.AlertStatus;
import io.smartbuilding.contracts.alert.AlertType;
import io.smartbuilding.contracts.alert.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AlertFilterTest {

  private static final AlertFilter NONE =
      new AlertFilter(
          Optional.empty(),
          Optional.empty(),
          List.of(),
          List.of(),
          List.of(),
          Optional.empty(),
          Optional.empty(),
          50);

  @Test
  void defaultsToEverythingAndFifty() {
    assertThat(AlertFilter.parse(null, null, null, null, null, null, null, null)).isEqualTo(NONE);
  }

  @Test
  void readsEmptyValuesAsAbsent() {
    assertThat(AlertFilter.parse("", "", "", "", "", "", "", "")).isEqualTo(NONE);
  }

  @Test
  void parsesEveryParameter() {
    assertThat(
            AlertFilter.parse(
                "hq-berlin",
                "ahu-01",
                "resolved,open",
                "CRITICAL",
                "OFFLINE,OVERHEAT",
                "2025-03-01T08:00:00+01:00",
                "2025-03-02T00:00:00Z",
                "200"))
        .isEqualTo(
            new AlertFilter(
                Optional.of("hq-berlin"),
                Optional.of("ahu-01"),
                List.of(AlertStatus.OPEN, AlertStatus.RESOLVED),
                List.of(Severity.CRITICAL),
                List.of(AlertType.OVERHEAT, AlertType.OFFLINE),
                Optional.of(Instant.parse("2025-03-01T07:00:00Z")),
                Optional.of(Instant.parse("2025-03-02T00:00:00Z")),
                200));
  }

  @Test
  void fingerprintsTheFiltersButNotThePageSize() {
    AlertFilter open = AlertFilter.parse("b1", null, "open", null, null, null, null, "10");
    assertThat(open.fingerprint())
        .isEqualTo(
            AlertFilter.parse("b1", null, "open", null, null, null, null, "20").fingerprint())
        .isNotEqualTo(
            AlertFilter.parse("b1", null, null, null, null, null, null, "10").fingerprint())
        .isNotEqualTo(
            AlertFilter.parse("b2", null, "open", null, null, null, null, "10").fingerprint());
  }

  @ParameterizedTest
  @ValueSource(strings = {"closed", "Open", "open,", ",", "open;resolved"})
  void refusesStatusesOutsideTheWireValues(String status) {
    assertRefused(
        () -> AlertFilter.parse(null, null, status, null, null, null, null, null),
        "status",
        "'status' must be one or more of open, acknowledged, resolved");
  }

  @Test
  void refusesUnknownSeveritiesAndTypes() {
    assertRefused(
        () -> AlertFilter.parse(null, null, null, "critical", null, null, null, null),
        "severity",
        "'severity' must be one or more of INFO, WARNING, CRITICAL");
    assertRefused(
        () -> AlertFilter.parse(null, null, null, null, "FIRE", null, null, null),
        "type",
        "'type' must be one or more of OVERHEAT, OFFLINE, THRESHOLD");
  }

  @Test
  void refusesBadTimesAndAnEmptyRange() {
    assertRefused(
        () -> AlertFilter.parse(null, null, null, null, null, "yesterday", null, null),
        "from",
        "'from' must be an ISO-8601 date-time");
    assertRefused(
        () -> AlertFilter.parse(null, null, null, null, null, null, "2025-03-01", null),
        "to",
        "'to' must be an ISO-8601 date-time");
    assertRefused(
        () ->
            AlertFilter.parse(
                null, null, null, null, null, "2025-03-01T00:00:00Z", "2025-03-01T00:00:00Z", null),
        "to",
        "'to' must be after 'from'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "201", "-5", "ten", "2147483648", " "})
  void refusesLimitsOutside1To200(String limit) {
    assertRefused(
        () -> AlertFilter.parse(null, null, null, null, null, null, null, limit),
        "limit",
        "'limit' must be a whole number from 1 to 200");
  }

  @Test
  void refusesMalformedIds() {
    assertRefused(
        () -> AlertFilter.parse("a/b", null, null, null, null, null, null, null),
        "buildingId",
        "'buildingId' must be");
    assertRefused(
        () -> AlertFilter.parse(null, "a#b", null, null, null, null, null, null),
        "deviceId",
        "'deviceId' must be");
  }

  private static void assertRefused(Runnable parse, String parameter, String detailStart) {
    assertThatThrownBy(parse::run)
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(400);
              assertThat(e.problem().parameter()).isEqualTo(parameter);
              assertThat(e.problem().detail()).startsWith(detailStart);
            });
  }
}
