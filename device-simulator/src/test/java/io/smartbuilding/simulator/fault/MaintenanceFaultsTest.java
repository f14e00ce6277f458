package io.smartbuilding.simulator.fault;

import static io.smartbuilding.contracts.telemetry.Metrics.FILTER_PRESSURE_DROP_PA;
import static io.smartbuilding.contracts.telemetry.Metrics.TEMPERATURE_C;
import static io.smartbuilding.contracts.telemetry.Metrics.VIBRATION_MM_S;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartbuilding.simulator.fleet.Device;
import io.smartbuilding.simulator.fleet.Fleet;
import io.smartbuilding.simulator.fleet.FleetLayout;
import io.smartbuilding.simulator.fleet.FleetSpec;
import io.smartbuilding.simulator.physics.Battery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MaintenanceFaultsTest {

  private static final Instant ONSET = Instant.parse("2026-11-25T10:00:00Z");
  private static final Fleet FLEET = FleetLayout.of(FleetSpec.DEMO);

  private static Map<String, Double> reported(Fault fault, Map<String, Double> healthy, Duration after) {
    return fault.apply(healthy, ONSET.plus(after)).orElseThrow();
  }

  @Test
  void driftGrowsSteadilyFromOnsetAndStopsAtItsLimit() {
    Fault drift = FaultKind.SENSOR_DRIFT.create(ONSET, 1);
    Map<String, Double> healthy = Map.of(TEMPERATURE_C, 21.0, "humidityPct", 45.0);
    assertThat(reported(drift, healthy, Duration.ofSeconds(-1))).isEqualTo(healthy);
    assertThat(reported(drift, healthy, Duration.ofMinutes(10)).get(TEMPERATURE_C)).isEqualTo(24.0);
    assertThat(reported(drift, healthy, Duration.ofHours(5)).get(TEMPERATURE_C)).isEqualTo(29.0);
    assertThat(reported(drift, healthy, Duration.ofMinutes(10))).containsEntry("humidityPct", 45.0);
  }

  @Test
  void aCloggedFilterRaisesThePressureDrop() {
    Fault clog = FaultKind.CLOGGED_FILTER.create(ONSET, 1);
    Map<String, Double> healthy = Map.of(FILTER_PRESSURE_DROP_PA, 150.0);
    List<Double> drops = new ArrayList<>();
    for (int minute = 0; minute <= 60; minute += 10) {
      drops.add(reported(clog, healthy, Duration.ofMinutes(minute)).get(FILTER_PRESSURE_DROP_PA));
    }
    assertThat(drops).isSorted().startsWith(150.0).endsWith(550.0);
  }

  @Test
  void aStuckSensorRepeatsTheReadingItHadAtOnset() {
    Fault stuck = FaultKind.STUCK_VALUE.create(ONSET, 1);
    assertThat(reported(stuck, Map.of(TEMPERATURE_C, 20.0), Duration.ofSeconds(-5)))
        .containsEntry(TEMPERATURE_C, 20.0);
    assertThat(reported(stuck, Map.of(TEMPERATURE_C, 21.3), Duration.ZERO))
        .containsEntry(TEMPERATURE_C, 21.3);
    assertThat(reported(stuck, Map.of(TEMPERATURE_C, 23.9), Duration.ofMinutes(30)))
        .containsEntry(TEMPERATURE_C, 21.3);
  }

  @Test
  void bearingWearMakesVibrationAccelerateUpToTheDamageZone() {
    Fault wear = FaultKind.BEARING_WEAR.create(ONSET, 1);
    Map<String, Double> healthy = Map.of(VIBRATION_MM_S, 2.0);
    double at0 = reported(wear, healthy, Duration.ZERO).get(VIBRATION_MM_S);
    double at5 = reported(wear, healthy, Duration.ofMinutes(5)).get(VIBRATION_MM_S);
    double at10 = reported(wear, healthy, Duration.ofMinutes(10)).get(VIBRATION_MM_S);
    assertThat(at0).isEqualTo(2.0);
    assertThat(at5).isEqualTo(4.0);
    assertThat(at10 - at5).as("accelerates").isGreaterThan(at5 - at0);
    assertThat(reported(wear, healthy, Duration.ofHours(2)).get(VIBRATION_MM_S))
        .isEqualTo(BearingWear.MAX_MM_S);
  }

  @Test
  void dropoutsLoseAboutTheirShareAndTheSameOnesForTheSameSeed() {
    List<Boolean> first = dropPattern(7);
    assertThat(first).isEqualTo(dropPattern(7));
    assertThat(first).isNotEqualTo(dropPattern(8));
    long lost = first.stream().filter(b -> b).count();
    assertThat(lost).isBetween(240L, 360L); // 30 % of 1000, well inside 5 sigma
  }

  private static List<Boolean> dropPattern(long seed) {
    Fault dropouts = FaultKind.DROPOUTS.create(ONSET, seed);
    return IntStream.range(0, 1000)
        .mapToObj(i -> dropouts.apply(Map.of(TEMPERATURE_C, 21.0), ONSET.plusSeconds(i)).isEmpty())
        .toList();
  }

  @Test
  void aDrainingBatteryFallsToNothingAndThenTheDeviceIsSilent() {
    Fault drain = FaultKind.BATTERY_DRAIN.create(ONSET, 1);
    Map<String, Double> healthy = Map.of(Battery.METRIC, 80.0, TEMPERATURE_C, 21.0);
    assertThat(reported(drain, healthy, Duration.ZERO)).containsEntry(Battery.METRIC, 80.0);
    assertThat(reported(drain, healthy, Duration.ofSeconds(150)))
        .containsEntry(Battery.METRIC, 40.0);
    assertThat(drain.apply(healthy, ONSET.plus(Duration.ofMinutes(5)))).isEmpty();
    assertThat(drain.apply(healthy, ONSET.plus(Duration.ofHours(1)))).isEmpty();
  }

  @Test
  void eachKindOnlyHitsDevicesThatCanSufferIt() {
    Device ahu = FLEET.device("b1-f0-ahu-01").orElseThrow();
    Device chiller = FLEET.device("b1-f0-ch-01").orElseThrow();
    Device meter = FLEET.device("b1-f1-em-01").orElseThrow();
    Device wireless = FLEET.device("b1-f1-zs-02").orElseThrow();
    assertThat(FaultKind.BEARING_WEAR.appliesTo(ahu)).isTrue();
    assertThat(FaultKind.BEARING_WEAR.appliesTo(chiller)).isFalse();
    assertThat(FaultKind.CLOGGED_FILTER.appliesTo(meter)).isFalse();
    assertThat(FaultKind.SENSOR_DRIFT.appliesTo(meter)).isFalse();
    assertThat(FaultKind.OVERHEAT.appliesTo(chiller)).isTrue();
    assertThat(FaultKind.BATTERY_DRAIN.appliesTo(wireless)).isTrue();
    assertThat(FaultKind.BATTERY_DRAIN.appliesTo(ahu)).isFalse();
    assertThat(FaultKind.MALFORMED_BURST.appliesTo(meter)).isTrue();
  }

  @Test
  void faultsOfOneDeviceCombineInTheOrderPlanned() {
    Device ahu = FLEET.device("b1-f0-ahu-01").orElseThrow();
    FaultPlan plan =
        new FaultPlan(
            List.of(
                new PlannedFault(ahu.id(), FaultKind.CLOGGED_FILTER, Duration.ZERO),
                new PlannedFault(ahu.id(), FaultKind.SILENT, Duration.ofMinutes(10))),
            1);
    Fault fault = plan.faultFor(ahu, ONSET);
    Map<String, Double> healthy = Map.of(FILTER_PRESSURE_DROP_PA, 150.0);
    assertThat(fault.apply(healthy, ONSET.plus(Duration.ofMinutes(5))))
        .hasValueSatisfying(r -> assertThat(r).containsEntry(FILTER_PRESSURE_DROP_PA, 200.0));
    assertThat(fault.apply(healthy, ONSET.plus(Duration.ofMinutes(10)))).isEqualTo(Optional.empty());
  }

  @Test
  void randomFaultsAreSeededAndFitTheirDevices() {
    FaultPlan base = new FaultPlan(List.of(), 42);
    FaultPlan random = base.withRandomFaults(FLEET, 0.25, Duration.ofMinutes(10));
    assertThat(random).isEqualTo(base.withRandomFaults(FLEET, 0.25, Duration.ofMinutes(10)));
    assertThat(random.faults()).hasSize(12); // a quarter of 48
    assertThat(random.faults())
        .allSatisfy(
            f -> {
              assertThat(f.kind().appliesTo(FLEET.device(f.deviceId()).orElseThrow())).isTrue();
              assertThat(f.at()).isLessThan(Duration.ofMinutes(10));
            });
    assertThat(new FaultPlan(List.of(), 43).withRandomFaults(FLEET, 0.25, Duration.ofMinutes(10)))
        .isNotEqualTo(random);
    assertThatThrownBy(() -> base.withRandomFaults(FLEET, 1.5, Duration.ofMinutes(1)))
        .hasMessageContaining("0-1");
  }

  @Test
  void aMalformedBurstCyclesThroughEveryRejectReasonThenStops() {
    MalformedBurst burst = new MalformedBurst(ONSET, 10);
    assertThat(burst.next(ONSET.minusSeconds(1))).isEmpty();
    List<String> reasons = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      burst.next(ONSET.plusSeconds(i)).ifPresent(r -> reasons.add(r.name()));
    }
    assertThat(reasons).hasSize(10).startsWith("OVERSIZED", "MALFORMED_JSON").contains("TOPIC_MISMATCH");
  }
}
