package io.smartbuilding.simulator.fleet;

import static io.smartbuilding.contracts.telemetry.DeviceType.AIR_HANDLER;
import static io.smartbuilding.contracts.telemetry.DeviceType.CHILLER;
import static io.smartbuilding.contracts.telemetry.DeviceType.ELEVATOR;
import static io.smartbuilding.contracts.telemetry.DeviceType.ENERGY_METER;
import static io.smartbuilding.contracts.telemetry.DeviceType.ZONE_SENSOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartbuilding.contracts.telemetry.DeviceType;
import io.smartbuilding.contracts.telemetry.Telemetry;
import io.smartbuilding.contracts.telemetry.TelemetryCodec;
import io.smartbuilding.contracts.testing.ContractExamples;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetLayoutTest {

  private final Fleet demo = FleetLayout.of(FleetSpec.DEMO);

  @Test
  void theDemoFleetHas48DevicesOfTheExpectedTypes() {
    assertThat(demo.size()).isEqualTo(48);
    assertThat(demo.countByType())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                AIR_HANDLER, 10L, CHILLER, 4L, ELEVATOR, 2L, ENERGY_METER, 4L, ZONE_SENSOR, 28L));
  }

  @Test
  void idsAreUniqueAndSayWhereTheDeviceIs() {
    assertThat(demo.devices()).extracting(Device::id).doesNotHaveDuplicates();
    for (Device d : demo.devices()) {
      assertThat(d.id())
          .matches("b[12]-f[0-2]-(ahu|ch|zs|em|el)-\\d\\d")
          .startsWith(d.buildingId() + "-f" + d.floor() + "-" + Device.shortName(d.type()) + "-");
      assertThat(d.zone()).startsWith("f" + d.floor() + "-");
    }
    assertThat(demo.device("b1-f2-zs-03"))
        .hasValueSatisfying(
            d -> {
              assertThat(d.type()).isEqualTo(ZONE_SENSOR);
              assertThat(d.floor()).isEqualTo(2);
              assertThat(d.zone()).isEqualTo("f2-north");
            });
  }

  @Test
  void plantEquipmentIsOnFloorZeroAndOfficeFloorsHaveAMeterAndSensors() {
    for (Device d : demo.devices()) {
      switch (d.type()) {
        case AIR_HANDLER, CHILLER -> assertThat(d.floor()).isZero();
        case ELEVATOR -> assertThat(d.zone()).isEqualTo("f0-core");
        case ENERGY_METER -> assertThat(d.zone()).isEqualTo("f" + d.floor() + "-riser");
        case ZONE_SENSOR -> assertThat(d.floor()).isPositive();
      }
    }
    for (String building : new String[] {"b1", "b2"}) {
      assertThat(demo.devices())
          .filteredOn(d -> d.buildingId().equals(building) && d.type() == ELEVATOR)
          .hasSize(1);
    }
  }

  /** The shared contract examples describe devices of the demo fleet; they must agree. */
  @Test
  void theContractExamplesNameDevicesOfTheDemoFleet() throws Exception {
    TelemetryCodec codec = new TelemetryCodec();
    for (ContractExamples.Example example : ContractExamples.validTelemetry()) {
      Telemetry t = codec.decode(example.payload());
      assertThat(demo.device(t.deviceId()))
          .as(example.file())
          .hasValue(new Device(t.deviceId(), t.buildingId(), t.floor(), t.zone(), t.deviceType()));
    }
  }

  @Test
  void theLayoutIsTheSameEveryTime() {
    assertThat(FleetLayout.of(FleetSpec.DEMO)).isEqualTo(demo);
  }

  @Test
  void aOneDeviceFleetIsOneAirHandler() {
    Fleet tiny = FleetLayout.of(new FleetSpec(1, 1, 1));
    assertThat(tiny.devices())
        .containsExactly(new Device("b1-f0-ahu-01", "b1", 0, "f0-plant", DeviceType.AIR_HANDLER));
  }

  @Test
  void aBigFleetKeepsTwoDigitNumbers() {
    Fleet big = FleetLayout.of(new FleetSpec(3, 10, 99));
    assertThat(big.size()).isEqualTo(3 * 10 * 99);
    assertThat(big.devices()).extracting(Device::id).doesNotHaveDuplicates();
    assertThat(big.device("b3-f9-zs-98")).isPresent();
  }

  @Test
  void refusesSizesOutsideItsLimits() {
    assertThatThrownBy(() -> new FleetSpec(0, 3, 8)).hasMessageContaining("buildings");
    assertThatThrownBy(() -> new FleetSpec(1, 0, 8)).hasMessageContaining("floors");
    assertThatThrownBy(() -> new FleetSpec(1, 1, 100)).hasMessageContaining("devices per floor");
  }
}
