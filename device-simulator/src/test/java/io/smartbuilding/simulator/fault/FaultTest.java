package io.smartbuilding.simulator.fault;

import static io.smartbuilding.contracts.telemetry.Metrics.TEMPERATURE_C;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultTest {

  private static final Instant ONSET = Instant.parse("2026-11-25T10:00:20Z");
  private static final Map<String, Double> HEALTHY =
      Map.of(TEMPERATURE_C, 40.0, "fanSpeedPct", 80.0);

  @Test
  void overheatLeavesReadingsAloneBeforeItsOnset() {
    Overheat overheat = new Overheat(ONSET, Duration.ofSeconds(15), 78);
    assertThat(overheat.apply(HEALTHY, ONSET.minusMillis(1))).hasValue(HEALTHY);
  }

  @Test
  void overheatClimbsSteadilyToItsPeakAndStaysThere() {
    Overheat overheat = new Overheat(ONSET, Duration.ofSeconds(15), 78);
    double previous = 0;
    for (int s = 0; s <= 15; s++) {
      double t = temperature(overheat, ONSET.plusSeconds(s));
      assertThat(t).isGreaterThanOrEqualTo(previous);
      previous = t;
    }
    assertThat(temperature(overheat, ONSET)).isEqualTo(40.0);
    assertThat(temperature(overheat, ONSET.plusMillis(7_500))).isEqualTo(59.0);
    assertThat(temperature(overheat, ONSET.plusSeconds(15))).isEqualTo(78.0);
    assertThat(temperature(overheat, ONSET.plusSeconds(3_600))).isEqualTo(78.0);
  }

  @Test
  void overheatKeepsTheSensorNoiseAndTheOtherMetrics() {
    Overheat overheat = new Overheat(ONSET, Duration.ofSeconds(15), 78);
    overheat.apply(HEALTHY, ONSET);
    Map<String, Double> later =
        overheat
            .apply(Map.of(TEMPERATURE_C, 40.4, "fanSpeedPct", 81.0), ONSET.plusSeconds(30))
            .orElseThrow();
    assertThat(later).containsEntry(TEMPERATURE_C, 78.4).containsEntry("fanSpeedPct", 81.0);
  }

  @Test
  void overheatIgnoresDevicesWithoutATemperature() {
    Map<String, Double> meter = Map.of("powerKw", 12.0);
    assertThat(new Overheat(ONSET, Duration.ofSeconds(15), 78).apply(meter, ONSET.plusSeconds(60)))
        .hasValue(meter);
  }

  @Test
  void overheatNeedsAPositiveRamp() {
    assertThatThrownBy(() -> new Overheat(ONSET, Duration.ZERO, 78))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void silenceSendsUntilItsOnsetAndNothingAfter() {
    Silence silence = new Silence(ONSET);
    assertThat(silence.apply(HEALTHY, ONSET.minusMillis(1))).hasValue(HEALTHY);
    assertThat(silence.apply(HEALTHY, ONSET)).isEmpty();
    assertThat(silence.apply(HEALTHY, ONSET.plusSeconds(3_600))).isEmpty();
  }

  @Test
  void faultsCompose() {
    Fault overheatThenSilence =
        new Overheat(ONSET, Duration.ofSeconds(15), 78).andThen(new Silence(ONSET.plusSeconds(60)));
    assertThat(overheatThenSilence.apply(HEALTHY, ONSET.plusSeconds(30)))
        .hasValueSatisfying(m -> assertThat(m.get(TEMPERATURE_C)).isEqualTo(78.0));
    assertThat(overheatThenSilence.apply(HEALTHY, ONSET.plusSeconds(61))).isEmpty();
    assertThat(Fault.NONE.andThen(Fault.NONE).apply(HEALTHY, ONSET)).hasValue(HEALTHY);
  }

  private static double temperature(Fault fault, Instant now) {
    return fault.apply(HEALTHY, now).orElseThrow().get(TEMPERATURE_C);
  }
}
