package io.smartbuilding.analytics.health;

import static io.smartbuilding.analytics.Readings.DEVICE;
import static io.smartbuilding.analytics.Readings.T0;
import static io.smartbuilding.analytics.Readings.temperature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.smartbuilding.analytics.Readings;
import io.smartbuilding.analytics.alert.Alert;
import io.smartbuilding.analytics.alert.Sample;
import io.smartbuilding.analytics.anomaly.AnomalySettings;
import io.smartbuilding.analytics.anomaly.AnomalyTrack;
import io.smartbuilding.analytics.anomaly.WearSettings;
import io.smartbuilding.analytics.anomaly.WearWindow;
import io.smartbuilding.analytics.rules.DefaultRules;
import io.smartbuilding.analytics.rules.Rule;
import io.smartbuilding.analytics.rules.RuleKind;
import io.smartbuilding.analytics.rules.RuleSet;
import io.smartbuilding.analytics.rules.RuleTrack;
import io.smartbuilding.contracts.alert.AlertStatus;
import io.smartbuilding.contracts.alert.AlertType;
import io.smartbuilding.contracts.alert.Severity;
import io.smartbuilding.contracts.health.DeviceStatus;
import io.smartbuilding.contracts.tables.AlertTable;
import io.smartbuilding.contracts.telemetry.DeviceType;
import io.smartbuilding.contracts.telemetry.Telemetry;
import io.smartbuilding.contracts.telemetry.TelemetryCodec;
import io.smartbuilding.contracts.testing.ContractExamples;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeviceHealthFunctionTest {

  private static final Duration OFFLINE_AFTER = Duration.ofSeconds(60);
  private static final long NOW = 1_000_000L; // processing time, ms

  private KeyedBroadcastOperatorTestHarness<String, Telemetry, RuleSet, DeviceHealth> harness;
  private final CountingMetrics metrics = new CountingMetrics();

  /** Keeps the counters the function registers, so a test can read them. */
  private static final class CountingMetrics extends UnregisteredMetricsGroup {
    private final Map<String, SimpleCounter> counters = new HashMap<>();

    @Override
    public Counter counter(String name) {
      return counters.computeIfAbsent(name, n -> new SimpleCounter());
    }
  }

  @BeforeEach
  void openHarness() throws Exception {
    open(new HealthRules(60.0, 2.0, OFFLINE_AFTER));
  }

  private void open(HealthRules settings) throws Exception {
    if (harness != null) {
      harness.close();
    }
    harness =
        ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
            new DeviceHealthFunction(settings) {
              @Override
              MetricGroup metricGroup() {
                return metrics;
              }
            },
            Telemetry::deviceId,
            Types.STRING,
            DeviceHealthFunction.RULES);
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
    assertThat(opened.ruleId()).isEqualTo("OVERHEAT");
    assertThat(opened.metric()).isEqualTo("temperatureC");
    assertThat(opened.message()).isEqualTo("temperatureC 61 above limit 60");
    assertThat(opened.evidenceRule()).startsWith("OVERHEAT: temperatureC above 60");
    assertThat(opened.evidence()).containsExactly(new Sample(T0.plusSeconds(1), 61.0));
    assertThat(alerts().get(1).message()).isEqualTo("temperatureC 71.5 above limit 60");
    assertThat(alerts().get(3).evidence())
        .extracting(Sample::value)
        .containsExactly(61.0, 71.5, 62.0, 59.0, 58.0);

    assertThat(health())
        .extracting(DeviceHealth::status)
        .containsExactly(
            DeviceStatus.OK,
            DeviceStatus.FAULT,
            DeviceStatus.FAULT,
            DeviceStatus.FAULT,
            DeviceStatus.FAULT,
            DeviceStatus.OK);
    assertThat(health().get(1).healthScore()).isEqualTo(50);
    assertThat(health().get(1).openAlerts()).isEqualTo(1);
    assertThat(health().get(1).reasons())
        .containsExactly(
            "OVERHEAT (CRITICAL, rule OVERHEAT) since 2026-11-25T08:00:01Z: temperatureC 61 above"
                + " limit 60.");
    assertThat(health().get(5).healthScore()).isEqualTo(100);
    assertThat(health().get(5).reasons()).isEmpty();
    assertThat(mapState(DeviceHealthFunction.OPEN_ALERTS).isEmpty()).isTrue();
    assertThat(mapState(DeviceHealthFunction.RULE_TRACKS).isEmpty())
        .as("an ABOVE rule keeps nothing once its condition has cleared")
        .isTrue();
    assertThat(valueState(DeviceHealthFunction.ASSESSMENT).value()).isNull();
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
    assertThat(harness.numProcessingTimeTimers()).as("only the state cleanup").isEqualTo(1);

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
  void offlineOnTopOfAnOpenAlertResolvesAloneWhenTheDeviceIsBack() throws Exception {
    process(temperature(1, T0, 65.0)); // OVERHEAT opens
    harness.setProcessingTime(NOW + OFFLINE_AFTER.toMillis());
    assertThat(valueState(DeviceHealthFunction.ASSESSMENT).value().status())
        .isEqualTo(DeviceStatus.OFFLINE);

    process(temperature(2, T0.plusSeconds(90), 66.0));

    assertThat(alerts())
        .extracting(Alert::type, Alert::status)
        .containsExactly(
            tuple(AlertType.OVERHEAT, AlertStatus.OPEN),
            tuple(AlertType.OFFLINE, AlertStatus.OPEN),
            tuple(AlertType.OFFLINE, AlertStatus.RESOLVED),
            tuple(AlertType.OVERHEAT, AlertStatus.OPEN));
    assertThat(health())
        .extracting(DeviceHealth::status, DeviceHealth::openAlerts)
        .containsExactly(
            tuple(DeviceStatus.FAULT, 1),
            tuple(DeviceStatus.OFFLINE, 2),
            tuple(DeviceStatus.FAULT, 1));
    assertThat(mapState(DeviceHealthFunction.OPEN_ALERTS).keys()).containsExactly("OVERHEAT");
  }

  @Test
  void aHealthyDeviceKeepsNoAssessmentAndNoOpenAlerts() throws Exception {
    for (int i = 0; i < 5; i++) {
      process(temperature(i, T0.plusSeconds(i), 21.0));
    }

    assertThat(health()).extracting(DeviceHealth::healthScore).containsOnly(100);
    assertThat(valueState(DeviceHealthFunction.ASSESSMENT).value()).isNull();
    assertThat(mapState(DeviceHealthFunction.OPEN_ALERTS).isEmpty()).isTrue();
  }

  @Test
  void offlineIdDependsOnEventTimeNotOnWhenTheTimerFires() throws Exception {
    process(temperature(1, T0, 21.0));
    harness.setProcessingTime(NOW + 10 * OFFLINE_AFTER.toMillis()); // a very late timer
    harness.setProcessingTime(NOW + 11 * OFFLINE_AFTER.toMillis()); // and still silent

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
    process(temperature(4, T0.minusSeconds(1), 21.0)); // an older one, never seen: out of order

    assertThat(health()).extracting(DeviceHealth::lastSeq).containsExactly(5L);
    assertThat(counter(DeviceHealthFunction.DUPLICATES_METRIC)).isEqualTo(1);
    assertThat(counter(DeviceHealthFunction.OUT_OF_ORDER_METRIC)).isEqualTo(1);
  }

  @Test
  void aRedeliveryAfterAnOutOfOrderReadingIsStillADuplicate() throws Exception {
    process(temperature(5, T0, 21.0));
    process(temperature(7, T0.plusSeconds(2), 21.0));
    process(temperature(6, T0.plusSeconds(1), 21.0)); // out of order, higher seq than 5
    process(temperature(6, T0.plusSeconds(1), 21.0)); // redelivered
    process(temperature(5, T0, 21.0)); // redelivered
    process(temperature(7, T0.plusSeconds(2), 21.0)); // redelivered

    assertThat(health())
        .extracting(DeviceHealth::lastSeq, DeviceHealth::lastSeen)
        .containsExactly(tuple(5L, T0), tuple(7L, T0.plusSeconds(2)));
    assertThat(counter(DeviceHealthFunction.DUPLICATES_METRIC)).isEqualTo(3);
    assertThat(counter(DeviceHealthFunction.OUT_OF_ORDER_METRIC)).isEqualTo(1);
    assertThat(unique())
        .as("history and the archive get each reading once, the out-of-order one included")
        .extracting(Telemetry::seq)
        .containsExactly(5L, 7L, 6L);
  }

  @Test
  void lateReadingsStillReachHistoryAndArchiveButNotHealth() throws Exception {
    process(temperature(5, T0, 21.0));
    process(temperature(6, T0.minus(HealthRules.DEFAULT_MAX_LATENESS).minusSeconds(1), 21.0));

    assertThat(late()).extracting(Telemetry::seq).containsExactly(6L);
    assertThat(unique()).extracting(Telemetry::seq).containsExactly(5L, 6L);
  }

  @Test
  void anOlderReadingWithAHigherSeqDoesNotMoveLastSeenBack() throws Exception {
    process(temperature(5, T0.plusSeconds(10), 21.0));
    process(temperature(9, T0.plusSeconds(5), 21.0)); // clock skew: higher seq, older ts
    process(temperature(5, T0.plusSeconds(10), 21.0)); // redelivery of the newest

    assertThat(health())
        .extracting(DeviceHealth::lastSeq, DeviceHealth::lastSeen)
        .containsExactly(tuple(5L, T0.plusSeconds(10)));
    assertThat(counter(DeviceHealthFunction.DUPLICATES_METRIC)).isEqualTo(1);
    assertThat(counter(DeviceHealthFunction.OUT_OF_ORDER_METRIC)).isEqualTo(1);
  }

  @Test
  void aTimerThatFiresLateAfterARestoreWaitsOfflineAfterAgain() throws Exception {
    process(temperature(1, T0, 21.0));
    // the job was down for 10 x offlineAfter: the timer fires long after its time
    harness.setProcessingTime(NOW + 10 * OFFLINE_AFTER.toMillis());
    assertThat(alerts()).isEmpty();
    assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

    harness.setProcessingTime(NOW + 10 * OFFLINE_AFTER.toMillis() + 1000);
    process(temperature(2, T0.plusSeconds(30), 21.0)); // the device speaks after the restore
    harness.setProcessingTime(NOW + 11 * OFFLINE_AFTER.toMillis());
    assertThat(alerts()).isEmpty();
  }

  @Test
  void aGapInEventTimeIsAnOfflineEpisodeEvenWhenNoTimerFired() throws Exception {
    process(temperature(1, T0, 21.0));
    process(temperature(2, T0.plusSeconds(200), 21.0)); // a replay: processing time stands still

    String id =
        AlertTable.alertId(DEVICE, "OFFLINE", T0.plus(OFFLINE_AFTER).toEpochMilli());
    assertThat(alerts())
        .extracting(Alert::alertId, Alert::status, Alert::openedAt, Alert::resolvedAt)
        .containsExactly(
            tuple(id, AlertStatus.OPEN, T0.plus(OFFLINE_AFTER), null),
            tuple(id, AlertStatus.RESOLVED, T0.plus(OFFLINE_AFTER), T0.plusSeconds(200)));
    assertThat(health()).last().extracting(DeviceHealth::status).isEqualTo(DeviceStatus.OK);
    assertThat(mapState(DeviceHealthFunction.OPEN_ALERTS).isEmpty()).isTrue();
  }

  @Test
  void theTimerAndTheGapGiveTheSameOfflineItems() throws Exception {
    process(temperature(1, T0, 21.0));
    harness.setProcessingTime(NOW + OFFLINE_AFTER.toMillis()); // the timer fires
    process(temperature(2, T0.plusSeconds(200), 21.0));
    List<Alert> live = alerts();

    open(new HealthRules(60.0, 2.0, OFFLINE_AFTER)); // a replay: no timer fires
    process(temperature(1, T0, 21.0));
    process(temperature(2, T0.plusSeconds(200), 21.0));

    assertThat(alerts())
        .extracting(Alert::alertId, Alert::status, Alert::openedAt, Alert::resolvedAt)
        .containsExactlyElementsOf(
            live.stream()
                .map(a -> tuple(a.alertId(), a.status(), a.openedAt(), a.resolvedAt()))
                .toList());
  }

  @Test
  void aDeviceOfflineForTheRetentionLosesAllItsState() throws Exception {
    open(withRetentionAndRefresh(Duration.ofDays(1), Duration.ZERO));
    process(temperature(1, T0, 65.0)); // OVERHEAT opens, tracks kept
    harness.setProcessingTime(NOW + OFFLINE_AFTER.toMillis()); // OFFLINE
    assertThat(backend().numKeyValueStateEntries()).isPositive();

    harness.setProcessingTime(NOW + OFFLINE_AFTER.toMillis() + Duration.ofDays(1).toMillis() - 1);
    assertThat(backend().numKeyValueStateEntries()).isPositive();
    harness.setProcessingTime(NOW + OFFLINE_AFTER.toMillis() + Duration.ofDays(1).toMillis());

    assertThat(backend().numKeyValueStateEntries()).isZero();
    assertThat(harness.numProcessingTimeTimers()).isZero();
    assertThat(counter(DeviceHealthFunction.DEVICES_EXPIRED_METRIC)).isEqualTo(1);
  }

  @Test
  void anUnchangedHealthIsRewrittenOnlyOnceARefreshButAChangeAtOnce() throws Exception {
    open(
        withRetentionAndRefresh(
            HealthRules.DEFAULT_DEVICE_STATE_RETENTION, Duration.ofSeconds(60)));
    process(temperature(1, T0, 21.0)); // the first reading is written
    process(temperature(2, T0.plusSeconds(10), 22.0)); // unchanged: skipped
    process(temperature(3, T0.plusSeconds(59), 23.0)); // still within the refresh
    process(temperature(4, T0.plusSeconds(60), 24.0)); // the refresh is due
    process(temperature(5, T0.plusSeconds(70), 65.0)); // OVERHEAT opens: written at once
    process(temperature(6, T0.plusSeconds(80), 64.0)); // under the peak: same alert, skipped
    process(temperature(7, T0.plusSeconds(90), 21.0)); // resolves: written at once

    assertThat(health())
        .extracting(DeviceHealth::lastSeen, DeviceHealth::status)
        .containsExactly(
            tuple(T0, DeviceStatus.OK),
            tuple(T0.plusSeconds(60), DeviceStatus.OK),
            tuple(T0.plusSeconds(70), DeviceStatus.FAULT),
            tuple(T0.plusSeconds(90), DeviceStatus.OK));

    // a silent device's OFFLINE health carries its very last reading, written or not
    process(temperature(8, T0.plusSeconds(100), 21.5));
    harness.setProcessingTime(NOW + OFFLINE_AFTER.toMillis());
    DeviceHealth offline = health().get(health().size() - 1);
    assertThat(offline.status()).isEqualTo(DeviceStatus.OFFLINE);
    assertThat(offline.lastSeen()).isEqualTo(T0.plusSeconds(100));

    // back within the refresh: OFFLINE resolves, which is a change
    process(temperature(9, T0.plusSeconds(105), 21.5));
    assertThat(health().get(health().size() - 1))
        .extracting(DeviceHealth::lastSeen, DeviceHealth::status)
        .containsExactly(T0.plusSeconds(105), DeviceStatus.OK);

    // moved to another zone within the refresh: the API's lists must show it there at once
    Telemetry moved = temperature(10, T0.plusSeconds(110), 21.5);
    process(
        new Telemetry(
            moved.deviceId(),
            moved.buildingId(),
            moved.floor(),
            "moved-" + moved.zone(),
            moved.deviceType(),
            moved.ts(),
            moved.seq(),
            moved.metrics()));
    assertThat(health().get(health().size() - 1).zone()).isEqualTo("moved-" + moved.zone());
  }

  @Test
  void aRuleRemovedWithinTheRefreshLeavesTheHealthItWroteInPlace() throws Exception {
    open(
        withRetentionAndRefresh(
            HealthRules.DEFAULT_DEVICE_STATE_RETENTION, Duration.ofSeconds(60)));
    process(temperature(1, T0, 65.0)); // OVERHEAT opens
    broadcast(); // every rule removed: OVERHEAT resolves, health written by the broadcast
    int written = health().size();
    assertThat(health().get(written - 1))
        .extracting(DeviceHealth::status, DeviceHealth::openAlerts)
        .containsExactly(DeviceStatus.OK, 0);

    process(temperature(2, T0.plusSeconds(10), 66.0)); // no rule any more, within the refresh
    assertThat(health()).hasSize(written);
  }

  @Test
  void aDeviceBackBeforeTheRetentionKeepsItsState() throws Exception {
    process(temperature(1, T0, 21.0));
    harness.setProcessingTime(NOW + OFFLINE_AFTER.toMillis()); // OFFLINE, cleanup timer set
    assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);
    process(temperature(2, T0.plusSeconds(120), 21.0));

    harness.setProcessingTime(NOW + Duration.ofDays(31).toMillis()); // the timer fires late
    harness.setProcessingTime(NOW + Duration.ofDays(31).toMillis() + OFFLINE_AFTER.toMillis());
    assertThat(counter(DeviceHealthFunction.DEVICES_EXPIRED_METRIC)).isZero();
    assertThat(alerts())
        .extracting(Alert::type, Alert::status)
        .containsExactly(
            tuple(AlertType.OFFLINE, AlertStatus.OPEN),
            tuple(AlertType.OFFLINE, AlertStatus.RESOLVED),
            tuple(AlertType.OFFLINE, AlertStatus.OPEN));
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
                100,
                List.of(),
                0,
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
    process(temperature(12, T0.minusSeconds(300), 75.0)); // on the edge: out of order

    assertThat(late()).extracting(Telemetry::seq).containsExactly(11L);
    assertThat(alerts()).as("an out-of-order reading is not evaluated").isEmpty();
    assertThat(health()).extracting(DeviceHealth::lastSeq).containsExactly(10L);
    assertThat(counter(DeviceHealthFunction.LATE_METRIC)).isEqualTo(1);
    assertThat(counter(DeviceHealthFunction.OUT_OF_ORDER_METRIC)).isEqualTo(1);
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
    open(new HealthRules(60.0, 2.0, OFFLINE_AFTER, Duration.ZERO));
    process(temperature(5, T0, 21.0));
    process(temperature(6, T0.minusMillis(1), 21.0));
    process(temperature(7, T0, 21.0));

    assertThat(late()).extracting(Telemetry::seq).containsExactly(6L);
    assertThat(health()).extracting(DeviceHealth::lastSeq).containsExactly(5L, 7L);
  }

  @Test
  void aDurationRuleOpensOnlyOnceTheConditionHasLastedInEventTime() throws Exception {
    // CO2_HIGH: zone sensors, above 1000 ppm for 600 s, clears at or below 950
    process(zoneSensor(1, T0, Map.of("co2Ppm", 1100.0)));
    process(zoneSensor(2, T0.plusSeconds(300), Map.of("co2Ppm", 980.0))); // in the band: goes on
    process(zoneSensor(3, T0.plusSeconds(599), Map.of("co2Ppm", 1200.0)));
    assertThat(ruleAlerts()).isEmpty();
    assertThat(size(mapState(DeviceHealthFunction.RULE_TRACKS))).isEqualTo(1);

    process(zoneSensor(4, T0.plusSeconds(600), Map.of("co2Ppm", 1150.0)));
    process(zoneSensor(5, T0.plusSeconds(700), Map.of("co2Ppm", 900.0)));

    String id = AlertTable.alertId(DEVICE, "CO2_HIGH", T0.toEpochMilli());
    assertThat(ruleAlerts())
        .extracting(Alert::alertId, Alert::type, Alert::status, Alert::peakValue, Alert::lastSeenAt)
        .containsExactly(
            tuple(id, AlertType.THRESHOLD, AlertStatus.OPEN, 1200.0, T0.plusSeconds(600)),
            tuple(id, AlertType.THRESHOLD, AlertStatus.RESOLVED, 1200.0, T0.plusSeconds(600)));
    assertThat(ruleAlerts().get(0).evidence())
        .extracting(Sample::value)
        .containsExactly(1100.0, 980.0, 1200.0, 1150.0);
    assertThat(health().get(3).status()).isEqualTo(DeviceStatus.DEGRADED);
    assertThat(health().get(3).healthScore()).isEqualTo(80);
    assertThat(mapState(DeviceHealthFunction.RULE_TRACKS).isEmpty()).isTrue();
  }

  @Test
  void aShortBreachOfADurationRuleRaisesNothingAndLeavesNoState() throws Exception {
    process(zoneSensor(1, T0, Map.of("co2Ppm", 1100.0)));
    process(zoneSensor(2, T0.plusSeconds(60), Map.of("co2Ppm", 700.0)));
    process(zoneSensor(3, T0.plusSeconds(700), Map.of("co2Ppm", 1100.0)));

    assertThat(ruleAlerts()).isEmpty();
    assertThat(mapState(DeviceHealthFunction.RULE_TRACKS).get("CO2_HIGH").activeSinceMs())
        .isEqualTo(T0.plusSeconds(700).toEpochMilli());
  }

  @Test
  void batteryBelowItsLevelRaisesBatteryLow() throws Exception {
    process(zoneSensor(1, T0, Map.of("batteryPct", 40.0)));
    process(zoneSensor(2, T0.plusSeconds(60), Map.of("batteryPct", 12.0)));
    process(zoneSensor(3, T0.plusSeconds(120), Map.of("batteryPct", 9.0)));
    process(zoneSensor(4, T0.plusSeconds(180), Map.of("batteryPct", 100.0))); // replaced

    assertThat(alerts())
        .extracting(Alert::type, Alert::status, Alert::peakValue, Alert::limit)
        .containsExactly(
            tuple(AlertType.BATTERY_LOW, AlertStatus.OPEN, 12.0, 15.0),
            tuple(AlertType.BATTERY_LOW, AlertStatus.OPEN, 9.0, 15.0),
            tuple(AlertType.BATTERY_LOW, AlertStatus.RESOLVED, 9.0, 15.0));
  }

  @Test
  void aStuckSensorIsFlaggedAfterItsDurationAndClearedWhenItMoves() throws Exception {
    broadcast(rule("STUCK", "temperatureC", RuleKind.STUCK, 0.0, 0, 120));
    process(temperature(1, T0, 21.0));
    process(temperature(2, T0.plusSeconds(60), 21.0));
    process(temperature(3, T0.plusSeconds(120), 21.0)); // unchanged for 120 s
    process(temperature(4, T0.plusSeconds(180), 21.0));
    process(temperature(5, T0.plusSeconds(240), 21.3)); // moves

    String id = AlertTable.alertId(DEVICE, "STUCK", T0.toEpochMilli());
    assertThat(alerts())
        .extracting(Alert::alertId, Alert::status, Alert::resolvedAt)
        .containsExactly(
            tuple(id, AlertStatus.OPEN, null),
            tuple(id, AlertStatus.OPEN, null),
            tuple(id, AlertStatus.RESOLVED, T0.plusSeconds(240)));
    assertThat(alerts().get(0).message()).isEqualTo("temperatureC stuck at 21");
    // the rule keeps only the value it watches, no readings
    RuleTrack track = mapState(DeviceHealthFunction.RULE_TRACKS).get("STUCK");
    assertThat(track.active()).isFalse();
    assertThat(track.recent()).isEmpty();
    assertThat(track.previousValue()).isEqualTo(21.3);
  }

  @Test
  void rateOfChangeIsPerMinuteBetweenConsecutiveReadings() throws Exception {
    broadcast(rule("SWING", "temperatureC", RuleKind.RATE_OF_CHANGE, 2.0, 0.5, 0));
    process(temperature(1, T0, 20.0));
    process(temperature(2, T0.plusSeconds(60), 21.0)); // 1 per minute
    process(temperature(3, T0.plusSeconds(90), 23.0)); // 4 per minute: opens
    process(temperature(4, T0.plusSeconds(150), 21.0)); // 2 per minute: in the band
    process(temperature(5, T0.plusSeconds(210), 21.5)); // 0.5 per minute: clears

    String id = AlertTable.alertId(DEVICE, "SWING", T0.plusSeconds(90).toEpochMilli());
    assertThat(alerts())
        .extracting(Alert::alertId, Alert::status, Alert::peakValue)
        .containsExactly(tuple(id, AlertStatus.OPEN, 4.0), tuple(id, AlertStatus.RESOLVED, 4.0));
  }

  @Test
  void aBroadcastRuleChangeTakesEffectForTheNextReading() throws Exception {
    process(temperature(1, T0, 65.0)); // default OVERHEAT at 60: opens
    assertThat(alerts()).hasSize(1);

    Rule stricter =
        new Rule(
            "OVERHEAT",
            "*",
            "temperatureC",
            RuleKind.ABOVE,
            AlertType.OVERHEAT,
            50.0,
            2.0,
            0,
            Severity.CRITICAL,
            true,
            "");
    Rule hot = rule("HOT", "temperatureC", RuleKind.ABOVE, 40.0, 1.0, 0);
    broadcast(stricter, hot);
    process(temperature(2, T0.plusSeconds(1), 55.0));

    assertThat(alerts())
        .extracting(Alert::ruleId, Alert::status, Alert::lastSeenAt)
        .containsExactly(
            tuple("OVERHEAT", AlertStatus.OPEN, T0),
            tuple("OVERHEAT", AlertStatus.OPEN, T0.plusSeconds(1)), // still above the new 50
            tuple("HOT", AlertStatus.OPEN, T0.plusSeconds(1)));
    assertThat(harness.getBroadcastState(DeviceHealthFunction.RULES).get("current").rules())
        .containsExactly(stricter, hot);
  }

  @Test
  void aDisabledOrRemovedRuleResolvesItsOpenAlertsAtOnceAndDropsItsState() throws Exception {
    process(temperature(1, T0, 65.0));
    process(zoneSensorElsewhere("b1-f1-zs-02", 1, T0, 70.0));
    harness.setProcessingTime(NOW + 1000);

    RuleSet withoutOverheat =
        new RuleSet(
            DefaultRules.of(60, 2).rules().stream()
                .map(
                    r ->
                        r.ruleId().equals("OVERHEAT")
                            ? new Rule(
                                r.ruleId(),
                                r.deviceType(),
                                r.metric(),
                                r.kind(),
                                r.alertType(),
                                r.threshold(),
                                r.hysteresis(),
                                r.durationSeconds(),
                                r.severity(),
                                false,
                                r.description())
                            : r)
                .toList());
    harness.processBroadcastElement(withoutOverheat, 0);

    assertThat(alerts())
        .extracting(Alert::deviceId, Alert::status, Alert::resolvedAt, Alert::updatedAt)
        .containsExactlyInAnyOrder(
            tuple(DEVICE, AlertStatus.OPEN, null, Instant.ofEpochMilli(NOW)),
            tuple("b1-f1-zs-02", AlertStatus.OPEN, null, Instant.ofEpochMilli(NOW)),
            tuple(DEVICE, AlertStatus.RESOLVED, T0, Instant.ofEpochMilli(NOW + 1000)),
            tuple("b1-f1-zs-02", AlertStatus.RESOLVED, T0, Instant.ofEpochMilli(NOW + 1000)));
    assertThat(health())
        .filteredOn(h -> h.updatedAt().equals(Instant.ofEpochMilli(NOW + 1000)))
        .extracting(DeviceHealth::status, DeviceHealth::openAlerts)
        .containsExactly(tuple(DeviceStatus.OK, 0), tuple(DeviceStatus.OK, 0));
    assertThat(mapState(DeviceHealthFunction.OPEN_ALERTS).isEmpty()).isTrue();
    assertThat(mapState(DeviceHealthFunction.RULE_TRACKS).isEmpty()).isTrue();

    process(temperature(2, T0.plusSeconds(1), 70.0)); // the rule is off: nothing opens
    assertThat(alerts()).hasSize(4);
  }

  @Test
  void aMetricTakenOutOfTheAnomalySettingsResolvesItsAlertAfterTheRestore() throws Exception {
    open(withAnomaly(new AnomalySettings(List.of("vibrationMmS"), 0.1, 4.0, 3, 20)));
    long seq = 0;
    for (int i = 0; i < 40; i++, seq++) {
      process(vibration(seq, T0.plusSeconds(seq), 2.0 + (i % 2 == 0 ? 0.05 : -0.05)));
    }
    for (int i = 0; i < 3; i++, seq++) {
      process(vibration(seq, T0.plusSeconds(seq), 4.0 + i * 0.1));
    }
    assertThat(mapState(DeviceHealthFunction.OPEN_ALERTS).contains("ANOMALY-vibrationMmS"))
        .isTrue();
    var snapshot = harness.snapshot(1, 1);
    harness.close();

    // restarted with vibration no longer watched
    harness =
        new KeyedBroadcastOperatorTestHarness<>(
            new CoBroadcastWithKeyedOperator<>(
                new DeviceHealthFunction(
                    withAnomaly(new AnomalySettings(List.of(), 0.1, 4.0, 3, 20))),
                List.of(DeviceHealthFunction.RULES)),
            Telemetry::deviceId,
            Types.STRING,
            1,
            1,
            0);
    harness.setup();
    harness.initializeState(snapshot);
    harness.open();
    process(vibration(seq, T0.plusSeconds(seq), 9.0));

    assertThat(alerts())
        .extracting(Alert::ruleId, Alert::status, Alert::resolvedAt)
        .containsExactly(
            tuple("ANOMALY-vibrationMmS", AlertStatus.RESOLVED, T0.plusSeconds(seq)));
    assertThat(health()).singleElement().extracting(DeviceHealth::openAlerts).isEqualTo(0);
    assertThat(mapState(DeviceHealthFunction.ANOMALY_TRACKS).isEmpty()).isTrue();
  }

  @Test
  void aSteadyBaselineThenAJumpRaisesAnomalyAfterConsecutiveReadingsAndResolves() throws Exception {
    open(withAnomaly(new AnomalySettings(List.of("vibrationMmS"), 0.1, 4.0, 3, 20)));
    long seq = 0;
    for (int i = 0; i < 40; i++, seq++) {
      process(vibration(seq, T0.plusSeconds(seq), 2.0 + (i % 2 == 0 ? 0.05 : -0.05)));
    }
    assertThat(alerts()).isEmpty();
    Instant firstHigh = T0.plusSeconds(seq);
    for (int i = 0; i < 4; i++, seq++) {
      process(vibration(seq, T0.plusSeconds(seq), 4.0 + i * 0.1));
    }
    for (int i = 0; i < 3; i++, seq++) {
      process(vibration(seq, T0.plusSeconds(seq), 2.0));
    }

    String id = AlertTable.alertId(DEVICE, "ANOMALY-vibrationMmS", firstHigh.toEpochMilli());
    assertThat(alerts())
        .extracting(Alert::alertId, Alert::type, Alert::status, Alert::peakValue)
        .containsExactly(
            tuple(id, AlertType.ANOMALY, AlertStatus.OPEN, 4.2), // the third in a row
            tuple(id, AlertType.ANOMALY, AlertStatus.OPEN, 4.3),
            tuple(id, AlertType.ANOMALY, AlertStatus.RESOLVED, 4.3));
    assertThat(alerts().get(0).evidence()).extracting(Sample::value).containsExactly(4.0, 4.1, 4.2);
    assertThat(alerts().get(0).message()).contains("standard deviations from its usual 2");
    AnomalyTrack track = mapState(DeviceHealthFunction.ANOMALY_TRACKS).get("vibrationMmS");
    assertThat(track.alerted()).isFalse();
    assertThat(track.recent()).as("evidence is dropped once resolved").isEmpty();
    assertThat(track.baseline().mean()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.05));
  }

  @Test
  void aRisingWearMetricPredictsWhenItReachesItsRuleLimit() throws Exception {
    // FILTER_CLOGGED: air handlers, filterPressureDropPa above 400. One-minute buckets.
    open(
        withWear(
            new WearSettings(
                List.of("filterPressureDropPa"), Duration.ofMinutes(1), 5, 3, Duration.ofDays(1))));
    long seq = 0;
    // climbs 10 Pa per hour from 200: reaches 400 after 20 hours, within the 1-day horizon
    for (int minute = 0; minute < 12; minute++) {
      for (int s = 0; s < 60; s += 20, seq++) {
        Instant ts = T0.plusSeconds(minute * 60L + s);
        double pa = 200 + 10.0 * (minute * 60 + s) / 3600;
        process(Readings.reading(DEVICE, seq, ts, Map.of("filterPressureDropPa", pa)));
      }
    }

    List<Alert> wear = alerts().stream().filter(a -> a.type() == AlertType.PREDICTED_WEAR).toList();
    assertThat(wear).isNotEmpty();
    Alert first = wear.get(0);
    assertThat(first.ruleId()).isEqualTo("PREDICTED_WEAR-filterPressureDropPa");
    assertThat(first.openedAt()).isEqualTo(T0.plusSeconds(180)); // the reading closing bucket 3
    assertThat(first.limit()).isEqualTo(400.0);
    assertThat(Duration.between(T0, wear.get(wear.size() - 1).predictedAt()).toMinutes())
        .isBetween(20 * 60L - 2, 20 * 60L + 2);
    WearWindow window = mapState(DeviceHealthFunction.WEAR_WINDOWS).get("filterPressureDropPa");
    assertThat(window.size()).as("bounded by the window").isEqualTo(5);
    assertThat(health().get(health().size() - 1).status()).isEqualTo(DeviceStatus.DEGRADED);
  }

  @Test
  void aFallingWearMetricResolvesThePrediction() throws Exception {
    open(
        withWear(
            new WearSettings(
                List.of("filterPressureDropPa"), Duration.ofMinutes(1), 5, 3, Duration.ofDays(1))));
    long seq = 0;
    for (int minute = 0; minute < 4; minute++, seq++) {
      process(
          Readings.reading(
              DEVICE,
              seq,
              T0.plusSeconds(60L * minute),
              Map.of("filterPressureDropPa", 300.0 + minute)));
    }
    // the filter is replaced
    for (int minute = 4; minute < 8; minute++, seq++) {
      process(
          Readings.reading(
              DEVICE, seq, T0.plusSeconds(60L * minute), Map.of("filterPressureDropPa", 150.0)));
    }

    assertThat(alerts())
        .filteredOn(a -> a.type() == AlertType.PREDICTED_WEAR)
        .extracting(Alert::status)
        .startsWith(AlertStatus.OPEN)
        .endsWith(AlertStatus.RESOLVED);
    assertThat(mapState(DeviceHealthFunction.OPEN_ALERTS).isEmpty()).isTrue();
  }

  private static HealthRules withRetentionAndRefresh(Duration retention, Duration refresh) {
    return new HealthRules(
        60.0,
        2.0,
        OFFLINE_AFTER,
        Duration.ofMinutes(5),
        AnomalySettings.DEFAULTS,
        WearSettings.DEFAULTS,
        Duration.ofSeconds(10),
        null,
        retention,
        refresh);
  }

  private static HealthRules withAnomaly(AnomalySettings anomaly) {
    return new HealthRules(
        60.0,
        2.0,
        OFFLINE_AFTER,
        Duration.ofMinutes(5),
        anomaly,
        new WearSettings(List.of(), Duration.ofMinutes(5), 10, 3, Duration.ofDays(1)),
        Duration.ofSeconds(10),
        null);
  }

  private static HealthRules withWear(WearSettings wear) {
    return new HealthRules(
        60.0,
        2.0,
        OFFLINE_AFTER,
        Duration.ofMinutes(5),
        new AnomalySettings(List.of(), 0.1, 4.0, 3, 20),
        wear,
        Duration.ofSeconds(10),
        null);
  }

  private static Telemetry vibration(long seq, Instant ts, double mmS) {
    return Readings.reading(DEVICE, seq, ts, Map.of("vibrationMmS", mmS));
  }

  private static Telemetry zoneSensorElsewhere(String deviceId, long seq, Instant ts, double c) {
    return new Telemetry(
        deviceId, "b1", 1, "f1-east", DeviceType.ZONE_SENSOR, ts, seq, Map.of("temperatureC", c));
  }

  private void process(Telemetry reading) throws Exception {
    harness.processElement(reading, reading.ts().toEpochMilli());
  }

  private void broadcast(Rule... rules) throws Exception {
    harness.processBroadcastElement(new RuleSet(List.of(rules)), 0);
  }

  /** The keyed state of {@link Readings#DEVICE}, read from the operator's state backend. */
  @SuppressWarnings("unchecked")
  private <K, V> MapState<K, V> mapState(MapStateDescriptor<K, V> descriptor) throws Exception {
    HeapKeyedStateBackend<String> backend = backend();
    backend.setCurrentKey(DEVICE);
    return backend.getPartitionedState(
        VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, descriptor);
  }

  private <V> ValueState<V> valueState(
      org.apache.flink.api.common.state.ValueStateDescriptor<V> descriptor) throws Exception {
    HeapKeyedStateBackend<String> backend = backend();
    backend.setCurrentKey(DEVICE);
    return backend.getPartitionedState(
        VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, descriptor);
  }

  @SuppressWarnings("unchecked")
  private HeapKeyedStateBackend<String> backend() {
    Object backend = ((AbstractStreamOperator<?>) harness.getOperator()).getKeyedStateBackend();
    return (HeapKeyedStateBackend<String>) backend;
  }

  private long counter(String name) {
    return metrics.counter(name).getCount();
  }

  private static <K, V> int size(MapState<K, V> state) throws Exception {
    int n = 0;
    for (K ignored : state.keys()) {
      n++;
    }
    return n;
  }

  private static Telemetry zoneSensor(long seq, Instant ts, Map<String, Double> metrics) {
    return new Telemetry(DEVICE, "b1", 3, "f3-west", DeviceType.ZONE_SENSOR, ts, seq, metrics);
  }

  private static Rule rule(
      String id,
      String metric,
      RuleKind kind,
      double threshold,
      double hysteresis,
      long durationSeconds) {
    return new Rule(
        id,
        "*",
        metric,
        kind,
        AlertType.THRESHOLD,
        threshold,
        hysteresis,
        durationSeconds,
        Severity.WARNING,
        true,
        "");
  }

  private List<DeviceHealth> health() {
    return harness.extractOutputValues();
  }

  private List<Telemetry> late() {
    var side = harness.getSideOutput(DeviceHealthFunction.LATE);
    return side == null ? List.of() : side.stream().map(StreamRecord::getValue).toList();
  }

  private List<Telemetry> unique() {
    var side = harness.getSideOutput(DeviceHealthFunction.UNIQUE);
    return side == null ? List.of() : side.stream().map(StreamRecord::getValue).toList();
  }

  /** The alerts but the OFFLINE episodes that gaps in event time make. */
  private List<Alert> ruleAlerts() {
    return alerts().stream().filter(a -> a.type() != AlertType.OFFLINE).toList();
  }

  private List<Alert> alerts() {
    var side = harness.getSideOutput(DeviceHealthFunction.ALERTS);
    return side == null ? List.of() : side.stream().map(StreamRecord::getValue).toList();
  }
}
