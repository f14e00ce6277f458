package io.smartbuilding.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartbuilding.contracts.telemetry.Telemetry;
import io.smartbuilding.simulator.fleet.FleetSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SimulationTest {

  @Test
  void devicesStartSpreadEvenlyOverTheFirstPeriod() {
    long second = 1_000_000_000L;
    assertThat(List.of(0, 1, 2, 3))
        .extracting(i -> Simulation.startOffsetNanos(i, 4, second))
        .containsExactly(0L, 250_000_000L, 500_000_000L, 750_000_000L);
    // slow rates with big fleets must not overflow
    assertThat(Simulation.startOffsetNanos(99_999, 100_000, 3_600 * second))
        .isBetween(3_599 * second, 3_600 * second);
  }

  @Test
  void everyDeviceSendsAndStopReportsWhatWasSent() {
    RecordingSink sink = new RecordingSink();
    List<String> status = new CopyOnWriteArrayList<>();
    SimulationSettings settings =
        new SimulationSettings(
            new FleetSpec(1, 2, 3),
            50,
            Duration.ZERO,
            42,
            1,
            1,
            Duration.ofHours(1),
            ZoneOffset.UTC);
    Simulation simulation = new Simulation(settings, sink, Clock.systemUTC(), status::add);

    simulation.start();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> sink.received.stream().map(Telemetry::deviceId).distinct().count() == 6);
    Simulation.Summary summary = simulation.stop(Duration.ofSeconds(1));

    assertThat(summary.stats().sent()).isEqualTo(sink.received.size());
    assertThat(summary.devices()).isEqualTo(6);
    assertThat(sink.closed).isTrue();
    assertThat(status.get(0)).startsWith("simulating 6 devices");
    assertThat(simulation.stop(Duration.ZERO)).as("stopping twice").isSameAs(summary);
    assertThat(sink.received.stream().collect(Collectors.groupingBy(Telemetry::deviceId)))
        .allSatisfy(
            (id, sent) ->
                assertThat(sent).extracting(Telemetry::seq).startsWith(1L).doesNotHaveDuplicates());
  }

  @Test
  void aMalformedBurstReplacesReadingsAndIsCountedByReason() {
    RecordingSink sink = new RecordingSink();
    SimulationSettings settings =
        new SimulationSettings(
            new FleetSpec(1, 2, 2),
            200,
            Duration.ZERO,
            42,
            0,
            0,
            Duration.ZERO,
            ZoneOffset.UTC,
            List.of(
                new io.smartbuilding.simulator.fault.PlannedFault(
                    "b1-f1-zs-01",
                    io.smartbuilding.simulator.fault.FaultKind.MALFORMED_BURST,
                    Duration.ZERO,
                    8)),
            0);
    Simulation simulation = new Simulation(settings, sink, Clock.systemUTC(), s -> {});
    simulation.start();
    await().atMost(Duration.ofSeconds(20)).until(() -> sink.raw.size() == 8 && sink.received.size() > 50);
    Simulation.Summary summary = simulation.stop(Duration.ofSeconds(1));

    assertThat(summary.malformed())
        .hasSize(io.smartbuilding.contracts.telemetry.RejectReason.values().length)
        .containsValues(1L);
    assertThat(sink.raw).hasSize(8);
    assertThat(summary.line()).contains("malformed={OVERSIZED=1, MALFORMED_JSON=1, MISSING_FIELD=1");
    // the spoiled readings used sequence numbers: the device's good readings start at 9
    assertThat(sink.received)
        .filteredOn(t -> t.deviceId().equals("b1-f1-zs-01"))
        .first()
        .extracting(Telemetry::seq)
        .isEqualTo(9L);
  }

  @Test
  void aTimelineFaultOnAnUnknownOrUnfitDeviceIsRefusedWithItsName() {
    SimulationSettings settings =
        new SimulationSettings(
            new FleetSpec(1, 2, 2), 1, Duration.ZERO, 42, 0, 0, Duration.ZERO, ZoneOffset.UTC,
            List.of(
                new io.smartbuilding.simulator.fault.PlannedFault(
                    "b1-f1-zs-01", io.smartbuilding.simulator.fault.FaultKind.OVERHEAT, Duration.ZERO)),
            0);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new Simulation(settings, new RecordingSink(), Clock.systemUTC(), s -> {}))
        .hasMessageContaining("OVERHEAT cannot hit b1-f1-zs-01");
  }

  @Test
  void stoppingARunThatNeverStartedClosesTheSink() {
    RecordingSink sink = new RecordingSink();
    SimulationSettings settings =
        new SimulationSettings(
            FleetSpec.DEMO, 1, Duration.ZERO, 42, 1, 1, Duration.ofSeconds(20), ZoneOffset.UTC);
    Simulation.Summary summary =
        new Simulation(settings, sink, Clock.systemUTC(), s -> {}).stop(Duration.ZERO);
    assertThat(summary.stats().sent()).isZero();
    assertThat(sink.closed).isTrue();
  }
}
