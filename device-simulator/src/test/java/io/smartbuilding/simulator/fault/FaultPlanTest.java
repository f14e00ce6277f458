package io.smartbuilding.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartbuilding.contracts.telemetry.DeviceType;
import io.smartbuilding.simulator.fleet.Device;
import io.smartbuilding.simulator.fleet.Fleet;
import io.smartbuilding.simulator.fleet.FleetLayout;
import io.smartbuilding.simulator.fleet.FleetSpec;
import io.smartbuilding.contracts.telemetry.Metrics;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

  private final Fleet fleet = FleetLayout.of(FleetSpec.DEMO);

  @Test
  void overheatingHitsPlantEquipmentAndSilenceOtherTemperatureReporters() {
    for (long seed = 0; seed < 50; seed++) {
      FaultPlan plan = FaultPlan.choose(fleet, 2, 3, seed);
      assertThat(plan.overheating()).hasSize(2).doesNotHaveDuplicates();
      assertThat(plan.silent())
          .hasSize(3)
          .doesNotHaveDuplicates()
          .doesNotContainAnyElementsOf(plan.overheating());
      for (String id : plan.overheating()) {
        assertThat(type(id)).isIn(DeviceType.AIR_HANDLER, DeviceType.CHILLER);
      }
      for (String id : plan.silent()) {
        assertThat(Metrics.reportsTemperature(type(id))).as(id).isTrue();
      }
    }
  }

  @Test
  void theSameSeedBreaksTheSameDevices() {
    assertThat(FaultPlan.choose(fleet, 1, 1, 42)).isEqualTo(FaultPlan.choose(fleet, 1, 1, 42));
    Set<String> victims = new HashSet<>();
    LongStream.range(0, 20)
        .forEach(seed -> victims.addAll(FaultPlan.choose(fleet, 1, 0, seed).overheating()));
    assertThat(victims).as("different seeds pick different devices").hasSizeGreaterThan(3);
  }

  @Test
  void eachVictimGetsItsFault() {
    FaultPlan plan = FaultPlan.choose(fleet, 1, 1, 42);
    Instant onset = Instant.parse("2026-11-25T10:00:20Z");
    Device hot = fleet.device(plan.overheating().get(0)).orElseThrow();
    Device quiet = fleet.device(plan.silent().get(0)).orElseThrow();
    Device healthy =
        fleet.devices().stream()
            .filter(d -> !plan.overheating().contains(d.id()) && !plan.isSilent(d.id()))
            .findFirst()
            .orElseThrow();
    assertThat(plan.faultFor(hot, onset))
        .isInstanceOfSatisfying(Overheat.class, o -> assertThat(o.peakC()).isBetween(75.0, 80.0));
    assertThat(plan.faultFor(quiet, onset)).isEqualTo(new Silence(onset));
    assertThat(plan.faultFor(healthy, onset)).isSameAs(Fault.NONE);
  }

  @Test
  void refusesMoreVictimsThanTheFleetHas() {
    Fleet small = FleetLayout.of(new FleetSpec(1, 2, 3)); // 1 AHU, 1 chiller
    assertThatThrownBy(() -> FaultPlan.choose(small, 3, 0, 42))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cannot make 3 devices overheat: the fleet has only 2 air handlers and chillers");
    assertThatThrownBy(() -> FaultPlan.choose(small, 0, -1, 42))
        .hasMessageContaining("must not be negative");
  }

  private DeviceType type(String id) {
    return fleet.device(id).orElseThrow().type();
  }
}
