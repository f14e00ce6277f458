package io.smartbuilding.analytics.building;

import static io.smartbuilding.analytics.Readings.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.smartbuilding.contracts.telemetry.Telemetry;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BuildingDirectoryFunctionTest {

  private KeyedOneInputStreamOperatorTestHarness<String, Telemetry, Building> harness;

  @BeforeEach
  void openHarness() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new BuildingDirectoryFunction(), Telemetry::buildingId, Types.STRING);
    harness.setProcessingTime(42_000);
  }

  @AfterEach
  void closeHarness() throws Exception {
    harness.close();
  }

  @Test
  void emitsTheBuildingWhenADeviceAppears() throws Exception {
    process(placed("b1-f2-zs-01", "b1", 2, "f2-east"));

    assertThat(buildings())
        .containsExactly(
            new Building("b1", List.of(2), List.of("f2-east"), 1, Instant.ofEpochMilli(42_000)));
  }

  @Test
  void knownDevicesEmitNothing() throws Exception {
    process(placed("b1-f2-zs-01", "b1", 2, "f2-east"));
    process(placed("b1-f2-zs-01", "b1", 2, "f2-east"));
    process(placed("b1-f2-zs-01", "b1", 2, "f2-east"));

    assertThat(buildings()).hasSize(1);
  }

  @Test
  void listsFloorsAndZonesSortedAndCountsDevices() throws Exception {
    process(placed("b1-f2-zs-01", "b1", 2, "f2-west"));
    process(placed("b1-f0-ahu-01", "b1", 0, "f0-plant"));
    process(placed("b1-f2-zs-02", "b1", 2, "f2-east"));
    process(placed("b1-fm1-em-01", "b1", -1, "fm1-riser"));

    assertThat(buildings())
        .last()
        .extracting(Building::floors, Building::zones, Building::deviceCount)
        .containsExactly(
            List.of(-1, 0, 2), List.of("f0-plant", "f2-east", "f2-west", "fm1-riser"), 4);
  }

  @Test
  void aDeviceThatMovesUpdatesTheBuildingWithoutCountingTwice() throws Exception {
    process(placed("b1-zs-01", "b1", 2, "f2-east"));
    process(placed("b1-zs-01", "b1", 3, "f3-east"));

    assertThat(buildings())
        .extracting(Building::floors, Building::zones, Building::deviceCount)
        .containsExactly(
            tuple(List.of(2), List.of("f2-east"), 1), tuple(List.of(3), List.of("f3-east"), 1));
  }

  @Test
  void keepsBuildingsApart() throws Exception {
    process(placed("b1-zs-01", "b1", 1, "f1-a"));
    process(placed("b2-zs-01", "b2", 5, "f5-a"));

    assertThat(buildings())
        .extracting(Building::buildingId, Building::floors, Building::deviceCount)
        .containsExactly(tuple("b1", List.of(1), 1), tuple("b2", List.of(5), 1));
  }

  private void process(Telemetry reading) throws Exception {
    harness.processElement(reading, reading.ts().toEpochMilli());
  }

  private List<Building> buildings() {
    return harness.extractOutputValues();
  }
}
