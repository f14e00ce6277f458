package io.smartbuilding.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartbuilding.simulator.fault.FaultKind;
import io.smartbuilding.simulator.fault.PlannedFault;
import io.smartbuilding.simulator.fleet.FleetSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioFileTest {

  private static final String HEAD =
      "seed: 3\nportfolio: {buildings: 1, floors: 3, devicesPerFloor: 8}\n";

  @Test
  void theDemoScenarioParsesIntoAFullTimeline() {
    Scenario demo = ScenarioFile.read(Path.of("scenarios/demo.yaml"));
    assertThat(demo.portfolio()).isEqualTo(new FleetSpec(2, 3, 8));
    assertThat(demo.seed()).hasValue(7);
    assertThat(demo.ratePerDevice()).hasValue(1.0);
    assertThat(demo.duration()).hasValue(Duration.ofMinutes(10));
    assertThat(demo.timeZone()).hasValue(ZoneId.of("Europe/Berlin"));
    assertThat(demo.timeline())
        .first()
        .isEqualTo(
            new PlannedFault(
                "b1-f0-ahu-01", FaultKind.OVERHEAT, Duration.ofSeconds(20), FaultKind.DEFAULT_BURST));
    assertThat(demo.timeline())
        .extracting(PlannedFault::kind)
        .containsAll(java.util.EnumSet.allOf(FaultKind.class));
    assertThat(demo.timeline())
        .filteredOn(f -> f.kind() == FaultKind.MALFORMED_BURST)
        .singleElement()
        .extracting(PlannedFault::count)
        .isEqualTo(16);
    assertThat(ScenarioFile.read(Path.of("scenarios/demo.yaml"))).as("replayable").isEqualTo(demo);
  }

  @Test
  void randomVictimsComeFromTheSeedAndFitTheKind() {
    String text = HEAD + "faults:\n  - {at: 1m, random: 3, kind: CLOGGED_FILTER}\n";
    Scenario first = ScenarioFile.parse("s.yaml", text);
    assertThat(first).isEqualTo(ScenarioFile.parse("s.yaml", text));
    assertThat(first.timeline())
        .hasSize(3)
        .allSatisfy(f -> assertThat(f.deviceId()).contains("-ahu-"))
        .extracting(PlannedFault::at)
        .containsOnly(Duration.ofMinutes(1));
  }

  @Test
  void jsonWorksToo() {
    Scenario s =
        ScenarioFile.parse(
            "s.json",
            "{\"portfolio\": {\"buildings\": 1, \"floors\": 2, \"devicesPerFloor\": 4},"
                + " \"rate\": \"30/min\", \"faults\": [{\"device\": \"b1-f1-zs-01\", \"kind\": \"SILENT\"}]}");
    assertThat(s.ratePerDevice()).hasValue(0.5);
    assertThat(s.timeline()).extracting(PlannedFault::at).containsExactly(Duration.ZERO);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "faults:\\n  - {at: 5s, device: b1-f0-ahu-01, kind: BOOM}"
            + " | s.yaml line 4 column 42 (faults[0].kind): 'BOOM' is not a fault kind",
        "faults:\\n  - {at: soon, device: b1-f0-ahu-01, kind: OVERHEAT}"
            + " | s.yaml line 4 column 10 (faults[0].at): 'soon' is not a duration",
        "rate: 3/fortnight | s.yaml line 3 column 7 (rate): '3/fortnight' is not a rate",
        "colour: red | s.yaml line 3 column 12 (colour): unknown field 'colour'",
        "faults:\\n  - {device: b9-f0-ahu-01, kind: OVERHEAT}"
            + " | s.yaml (faults[0].device): no device 'b9-f0-ahu-01' in this portfolio",
        "faults:\\n  - {device: b1-f1-zs-01, kind: BEARING_WEAR}"
            + " | s.yaml (faults[0].device): BEARING_WEAR cannot hit b1-f1-zs-01; it applies to air"
            + " handlers",
        "faults:\\n  - {kind: SILENT}"
            + " | s.yaml (faults[0]): give either 'device: <id>' or 'random: <how many>'",
        "faults:\\n  - {device: b1-f0-ahu-01}| s.yaml (faults[0].kind): missing",
        "faults:\\n  - {random: 99, kind: OVERHEAT} | s.yaml (faults[0].random): must be 1-",
        "timeZone: Mars/Olympus | s.yaml (timeZone): 'Mars/Olympus' is not a time zone",
        "seed: [1] | s.yaml line 3 column 7 (seed): expected a whole number here",
        "faults: {at: 1s} | s.yaml line 3 column 9 (faults): expected a list (- item) here",
        "faults: [ | s.yaml line 3 column 10 (faults): while parsing a flow node: expected the node content, but found '<stream end>'",
      })
  void mistakesAreNamedByLineAndField(String body, String message) {
    String text = HEAD + body.replace("\\n", "\n");
    assertThatThrownBy(() -> ScenarioFile.parse("s.yaml", text))
        .isInstanceOf(ScenarioException.class)
        .hasMessageStartingWith(message.strip())
        .hasMessageNotContaining("io.smartbuilding")
        .hasMessageNotContaining("\n");
  }

  @Test
  void theBuildingPortfolioIsRequiredAndChecked() {
    assertThatThrownBy(() -> ScenarioFile.parse("s.yaml", "seed: 1\n"))
        .hasMessageStartingWith("s.yaml (portfolio): missing");
    assertThatThrownBy(
            () -> ScenarioFile.parse("s.yaml", "portfolio: {buildings: 0, floors: 1, devicesPerFloor: 1}"))
        .hasMessage("s.yaml (portfolio): buildings must be between 1 and 999, got 0");
    assertThatThrownBy(() -> ScenarioFile.parse("s.yaml", ""))
        .hasMessageStartingWith("s.yaml");
  }
}
