package io.smartbuilding.analytics.health;

import static io.smartbuilding.analytics.Readings.DEVICE;
import static io.smartbuilding.analytics.Readings.T0;
import static io.smartbuilding.analytics.Readings.temperature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.smartbuilding.analytics.Readings;
import io.smartbuilding.analytics.alert.Alert;
import io.smartbuilding.contracts.alert.AlertStatus;
import io.smartbuilding.contracts.alert.AlertType;
import io.smartbuilding.contracts.alert.Severity;
import io.smartbuilding.contracts.health.DeviceStatus;
import io.smartbuilding.contracts.tables.AlertTable;
import io.smartbuilding.contracts.telemetry.Telemetry;
import io.smartbuilding.contracts.telemetry.TelemetryCodec;
import io.smartbuilding.contracts.testing.ContractExamples;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeviceHealthFunctionTest {

  private static final Duration OFFLINE_AFTER = Duration.ofSeconds(60);
  private static final long NOW = 1_000_000L; // processing time, ms

  private KeyedOneInputStreamOperatorTestHarness<String, Telemetry, DeviceHealth> harness;

  @BeforeEach
  void openHarness() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new DeviceHealthFunction(new HealthRules(60.0, 2.0, OFFLINE_AFTER)),
            Telemetry::deviceId,
            Types.STRING);
    harness.setProcessingTime(NOW);
  }

  @AfterEach
  void closeHarness() throws Exception {
    harness.close();
  }

  @Test
  void overheatOpensOnceFollowsThePeakAndResolvesBelowTheHysteresis() throws Exception {
    process(temperature(1, T0, 55.0));
    process(temperature(2, T0.plusSeconds(1), 61.0)); // opens
    process(temperature(3, T0.plusSeconds(2), 71.5)); // new peak
    process(temperature(4, T0.plusSeconds(3), 62.0)); // still over the limit
    process(temperature(5, T0.plusSeconds(4), 59.0)); // under the limit, above limit - hysteresis
    process(temperature(6, T0.plusSeconds(5), 58.0)); // resolves

    String id = AlertTable.alertId(DEVICE, "OVERHEAT", T0.plusSeconds(1).toEpochMilli());
    assertThat(alerts())
        .extracting(
            Alert::alertId, Alert::status, Alert::peakValue, Alert::lastSeenAt, Alert::resolvedAt)
        .containsExactly(
            tuple(id, AlertStatus.OPEN, 61.0, T0.plusSeconds(1), null),
            tuple(id, AlertStatus.OPEN, 71.5, T0.plusSeconds(2), null),
            tuple(id, AlertStatus.OPEN, 71.5, T0.plusSeconds(3), null),
            tuple(id, AlertStatus.RESOLVED, 71.5, T0.plusSeconds(3), T0.plusSeconds(5)));
    Alert opened = alerts().get(0);
    assertThat(opened.type()).isEqualTo(AlertType.OVERHEAT);
    assertThat(opened.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(opened.openedAt()).isEqualTo(T0.plusSeconds(1));
    assertThat(opened.limit()).isEqualTo(60.0);
    assertThat(opened.message()).isEqualTo("temperatureC 61.0 above limit 60.0");
    assertThat(alerts().get(1).message()).isEqualTo("temperatureC 71.5 above limit 60.0");

    assertThat(health())
        .extracting(DeviceHealth::status)
        .containsExactly(
            DeviceStatus.OK,
            DeviceStatus.FAULT,
            DeviceStatus.FAULT,
            DeviceStatus.FAULT,
            DeviceStatus.FAULT,
            DeviceStatus.OK);
  }

  @Test
  void aNewEpisodeAfterResolutionIsANewAlert() throws Exception {
    process(temperature(1, T0, 65.0));
    process(temperature(2, T0.plusSeconds(1), 50.0));
    process(temperature(3, T0.plusSeconds(2), 66.0));

    assertThat(alerts())
        .extracting(Alert::alertId, Alert::status)
        .containsExactly(
            tuple(AlertTable.alertId(DEVICE, "OVERHEAT", T0.toEpochMilli()), AlertStatus.OPEN),
            tuple(AlertTable.alertId(DEVICE, "OVERHEAT", T0.toEpochMilli()), AlertStatus.RESOLVED),
            tuple(
                AlertTable.alertId(DEVICE, "OVERHEAT", T0.plusSeconds(2).toEpochMilli()),
                AlertStatus.OPEN));
  }

  @Test
  void readingsWithoutTemperatureLeaveTheOverheatAlertAlone() throws Exception {
    process(temperature(1, T0, 65.0));
    process(Readings.reading(DEVICE, 2, T0.plusSeconds(1), Map.of("fanSpeedPct", 10.0)));

    assertThat(alerts()).hasSize(1);
    assertThat(health())
        .extracting(DeviceHealth::status)
        .containsExactly(DeviceStatus.FAULT, DeviceStatus.FAULT);
  }

  @Test
  void silenceRaisesOfflineAndTheNextMessageResolvesIt() throws Exception {
    Telemetry last = temperature(7, T0, 21.0);
    process(last);

    harness.setProcessingTime(NOW + OFFLINE_AFTER.toMillis() - 1);
    assertThat(alerts()).isEmpty();

    harness.setProcessingTime(NOW + OFFLINE_AFTER.toMillis());
    Instant openedAt = T0.plus(OFFLINE_AFTER);
    assertThat(alerts())
        .singleElement()
        .satisfies(
            offline -> {
              assertThat(offline.alertId())
                  .isEqualTo(AlertTable.alertId(DEVICE, "OFFLINE", openedAt.toEpochMilli()));
              assertThat(offline.type()).isEqualTo(AlertType.OFFLINE);
              assertThat(offline.severity()).isEqualTo(Severity.WARNING);
              assertThat(offline.status()).isEqualTo(AlertStatus.OPEN);
              assertThat(offline.openedAt()).isEqualTo(openedAt);
              assertThat(offline.lastSeenAt()).isEqualTo(T0);
            });
    assertThat(health())
        .last()
        .satisfies(
            h -> {
              assertThat(h.status()).isEqualTo(DeviceStatus.OFFLINE);
              assertThat(h.lastSeen()).isEqualTo(T0);
              assertThat(h.lastSeq()).isEqualTo(7);
              assertThat(h.metrics()).isEqualTo(last.metrics());
              assertThat(h.updatedAt())
                  .isEqualTo(Instant.ofEpochMilli(NOW + OFFLINE_AFTER.toMillis()));
            });
    assertThat(harness.numProcessingTimeTimers()).isZero();

    harness.setProcessingTime(NOW + 5 * OFFLINE_AFTER.toMillis());
    process(temperature(8, T0.plusSeconds(300), 21.5));

    assertThat(alerts())
        .extracting(Alert::type, Alert::status, Alert::resolvedAt)
        .containsExactly(
            tuple(AlertType.OFFLINE, AlertStatus.OPEN, null),
            tuple(AlertType.OFFLINE, AlertStatus.RESOLVED, T0.plusSeconds(300)));
    assertThat(health()).last().extracting(DeviceHealth::status).isEqualTo(DeviceStatus.OK);
    assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);
  }

  @Test
  void offlineIdDependsOnEventTimeNotOnWhenTheTimerFires() throws Exception {
    process(temperature(1, T0, 21.0));
    harness.setProcessingTime(NOW + 10 * OFFLINE_AFTER.toMillis()); // a very late timer

    assertThat(alerts()).extracting(Alert::openedAt).containsExactly(T0.plus(OFFLINE_AFTER));
  }

  @Test
  void steadyTrafficKeepsExactlyOneTimerAndNoOfflineAlert() throws Exception {
    for (int i = 0; i < 5; i++) {
      harness.setProcessingTime(NOW + i * 30_000L);
      process(temperature(i, T0.plusSeconds(30L * i), 21.0));
      assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);
    }
    assertThat(alerts()).isEmpty();
  }

  @Test
  void dropsDuplicates() throws Exception {
    process(temperature(5, T0, 21.0));
    process(temperature(5, T0, 21.0)); // redelivered
    process(temperature(4, T0.minusSeconds(1), 21.0)); // an older one, late

    assertThat(health()).extracting(DeviceHealth::lastSeq).containsExactly(5L);
  }

  @Test
  void acceptsTheFirstMessageAfterARestart() throws Exception {
    process(temperature(500, T0, 21.0));
    process(temperature(0, T0.plusSeconds(10), 22.0)); // seq reset, clock moved on

    assertThat(health())
        .extracting(DeviceHealth::lastSeq, DeviceHealth::lastSeen)
        .containsExactly(tuple(500L, T0), tuple(0L, T0.plusSeconds(10)));
  }

  @Test
  void healthCarriesTheLatestReading() throws Exception {
    Telemetry reading = temperature(3, T0, 21.0);
    process(reading);

    assertThat(health())
        .singleElement()
        .isEqualTo(
            new DeviceHealth(
                DEVICE,
                "b1",
                3,
                "f3-west",
                reading.deviceType(),
                DeviceStatus.OK,
                T0,
                3,
                reading.metrics(),
                Instant.ofEpochMilli(NOW)));
  }

  @Test
  void theContractExamplesGoThrough() throws Exception {
    TelemetryCodec codec = new TelemetryCodec();
    List<ContractExamples.Example> examples = ContractExamples.validTelemetry();
    for (ContractExamples.Example example : examples) {
      process(codec.decode(example.payload()));
    }

    assertThat(health()).hasSize(examples.size());
    assertThat(health())
        .filteredOn(h -> h.deviceId().equals("b1-f0-ahu-01"))
        .singleElement()
        .extracting(DeviceHealth::status)
        .isEqualTo(DeviceStatus.FAULT); // the example reads 71.5 °C
    assertThat(alerts())
        .singleElement()
        .extracting(Alert::deviceId, Alert::type, Alert::peakValue)
        .containsExactly("b1-f0-ahu-01", AlertType.OVERHEAT, 71.5);
    assertThat(health())
        .filteredOn(h -> !h.deviceId().equals("b1-f0-ahu-01"))
        .extracting(DeviceHealth::status)
        .containsOnly(DeviceStatus.OK);
  }

  @Test
  void setsAsideReadingsOlderThanTheMaxLatenessAndKeepsTheHealth() throws Exception {
    // default max lateness: 5 minutes behind the last accepted ts
    process(temperature(10, T0, 21.0));
    process(temperature(11, T0.minusSeconds(301), 75.0)); // late: would open an OVERHEAT alert
    process(temperature(12, T0.minusSeconds(300), 22.0)); // on the edge: accepted

    assertThat(late()).extracting(Telemetry::seq).containsExactly(11L);
    assertThat(alerts()).isEmpty();
    assertThat(health()).extracting(DeviceHealth::lastSeq).containsExactly(10L, 12L);
  }

  @Test
  void aLateReadingDoesNotKeepASilentDeviceOnline() throws Exception {
    process(temperature(1, T0.plusSeconds(600), 21.0));
    harness.setProcessingTime(NOW + OFFLINE_AFTER.toMillis() / 2);
    process(temperature(2, T0, 21.0)); // late: the device is not heard from

    harness.setProcessingTime(NOW + OFFLINE_AFTER.toMillis());
    assertThat(alerts()).extracting(Alert::type).containsExactly(AlertType.OFFLINE);
    assertThat(late()).hasSize(1);
  }

  @Test
  void zeroLatenessSetsAsideEveryReadingBehindTheLastAccepted() throws Exception {
    harness.close();
    harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new DeviceHealthFunction(new HealthRules(60.0, 2.0, OFFLINE_AFTER, Duration.ZERO)),
            Telemetry::deviceId,
            Types.STRING);
    process(temperature(5, T0, 21.0));
    process(temperature(6, T0.minusMillis(1), 21.0));
    process(temperature(7, T0, 21.0));

    assertThat(late()).extracting(Telemetry::seq).containsExactly(6L);
    assertThat(health()).extracting(DeviceHealth::lastSeq).containsExactly(5L, 7L);
  }

  private void process(Telemetry reading) throws Exception {
    harness.processElement(reading, reading.ts().toEpochMilli());
  }

  private List<DeviceHealth> health() {
    return harness.extractOutputValues();
  }

  private List<Telemetry> late() {
    var side = harness.getSideOutput(DeviceHealthFunction.LATE);
    return side == null ? List.of() : side.stream().map(StreamRecord::getValue).toList();
  }

  private List<Alert> alerts() {
    var side = harness.getSideOutput(DeviceHealthFunction.ALERTS);
    return side == null ? List.of() : side.stream().map(StreamRecord::getValue).toList();
  }
}
