package io.smartbuilding.simulator;

import static io.smartbuilding.contracts.telemetry.Metrics.TEMPERATURE_C;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartbuilding.contracts.telemetry.Telemetry;
import io.smartbuilding.contracts.telemetry.TelemetryCodec;
import io.smartbuilding.contracts.telemetry.TelemetryTopic;
import io.smartbuilding.simulator.fault.FaultPlan;
import io.smartbuilding.simulator.fleet.Device;
import io.smartbuilding.simulator.fleet.Fleet;
import io.smartbuilding.simulator.fleet.FleetLayout;
import io.smartbuilding.simulator.fleet.FleetSpec;
import io.smartbuilding.simulator.mqtt.TelemetryMessage;
import io.smartbuilding.simulator.physics.DeviceModel;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo fleet over two simulated minutes, one reading a second, faults after 20 s: what each
 * device would have published, without a broker or a real clock.
 */
class SimulatedDeviceTest {

  private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
  private static final Duration FAULT_AFTER = Duration.ofSeconds(20);
  private static final double OVERHEAT_LIMIT_C = 60.0; // the analytics job's default

  private static final Fleet FLEET = FleetLayout.of(FleetSpec.DEMO);
  private static final FaultPlan PLAN = FaultPlan.choose(FLEET, 1, 1, 42);
  private static final Map<String, List<Telemetry>> SENT = new LinkedHashMap<>();

  @BeforeAll
  static void runTwoMinutes() {
    Instant onset = START.plus(FAULT_AFTER);
    for (Device device : FLEET.devices()) {
      SimulatedDevice simulated =
          new SimulatedDevice(
              device, DeviceModel.of(device, 42, ZoneOffset.UTC), PLAN.faultFor(device, onset));
      List<Telemetry> sent = new ArrayList<>();
      for (int s = 0; s < 120; s++) {
        simulated.next(START.plusSeconds(s)).ifPresent(sent::add);
      }
      SENT.put(device.id(), sent);
    }
  }

  @Test
  void theOverheatingDeviceCrossesTheLimitSoonAfterTheFaultAndStaysAbove() {
    String hot = PLAN.overheating().get(0);
    Instant onset = START.plus(FAULT_AFTER);
    for (Telemetry t : SENT.get(hot)) {
      if (t.ts().isBefore(onset)) {
        assertThat(t.metric(TEMPERATURE_C)).isLessThan(OVERHEAT_LIMIT_C);
      } else if (!t.ts().isBefore(onset.plusSeconds(15))) {
        assertThat(t.metric(TEMPERATURE_C)).isBetween(74.0, 81.0);
      }
    }
    assertThat(SENT.get(hot)).hasSize(120);
  }

  @Test
  void noOtherDeviceEverReachesTheLimit() {
    SENT.forEach(
        (id, sent) -> {
          if (!PLAN.overheating().contains(id)) {
            assertThat(sent)
                .as(id)
                .allSatisfy(
                    t -> {
                      Double c = t.metric(TEMPERATURE_C);
                      assertThat(c == null || c < OVERHEAT_LIMIT_C).isTrue();
                    });
          }
        });
  }

  @Test
  void theSilentDeviceStopsAtTheFaultAndTheOthersKeepGoing() {
    String quiet = PLAN.silent().get(0);
    assertThat(SENT.get(quiet)).hasSize((int) FAULT_AFTER.toSeconds());
    SENT.forEach(
        (id, sent) -> {
          if (!id.equals(quiet)) {
            assertThat(sent).as(id).hasSize(120);
          }
        });
  }

  @Test
  void sequenceNumbersStartAtOneAndHaveNoGaps() {
    SENT.forEach(
        (id, sent) -> {
          for (int i = 0; i < sent.size(); i++) {
            assertThat(sent.get(i).seq()).as(id).isEqualTo(i + 1L);
          }
        });
  }

  @Test
  void everyMessageDecodesToTheSameReadingAndItsTopicNamesTheSameDevice() throws Exception {
    TelemetryCodec codec = new TelemetryCodec();
    for (List<Telemetry> sent : SENT.values()) {
      for (Telemetry t : sent) {
        TelemetryMessage message = TelemetryMessage.of(t, codec);
        assertThat(codec.decode(message.payload())).isEqualTo(t);
        assertThat(TelemetryTopic.parse(message.topic()))
            .hasValue(new TelemetryTopic.Address(t.buildingId(), t.deviceId()));
      }
    }
  }
}
