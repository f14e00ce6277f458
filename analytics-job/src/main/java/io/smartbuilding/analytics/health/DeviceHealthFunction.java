package io.smartbuilding.analytics.health;

import io.smartbuilding.analytics.alert.Alert;
import io.smartbuilding.analytics.alert.OverheatRule;
import io.smartbuilding.analytics.telemetry.TelemetryTypeInfo;
import io.smartbuilding.contracts.health.DeviceStatus;
import io.smartbuilding.contracts.telemetry.Telemetry;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Per device (keyed by deviceId): drops duplicates, emits a {@link DeviceHealth} for every accepted
 * message and maintains the device's OVERHEAT and OFFLINE alerts, which go to {@link #ALERTS}.
 *
 * <p>Duplicates: Kinesis and MQTT QoS 1 deliver at least once. A message is a duplicate when both
 * its seq and its ts are not newer than the last accepted one; a device that restarts resets seq
 * but its clock moves on, so its first message after the restart is accepted.
 *
 * <p>Late readings: a reading more than {@code maxLateness} older (event time) than the device's
 * last accepted message would move its health back in time. It is counted ({@value #LATE_METRIC})
 * and sent to {@link #LATE} instead, and changes nothing, not even the OFFLINE timer. This check
 * comes before the duplicate check, so a redelivery that old counts as late.
 *
 * <p>OFFLINE runs on processing time: a device goes OFFLINE at {@code offlineAfter} after its last
 * accepted message. Event time would need watermarks, and a silent device produces none. One timer
 * is pending per device; a message only moves the due time in state, and a timer that fires
 * before the due time is set again for it. Deleting and registering a timer on every message was
 * a fifth of this operator's time in the throughput benchmark (docs/benchmarks/analytics-job.md).
 */
public class DeviceHealthFunction extends KeyedProcessFunction<String, Telemetry, DeviceHealth> {

  public static final OutputTag<Alert> ALERTS =
      new OutputTag<>("alerts", TypeInformation.of(Alert.class));
  public static final OutputTag<Telemetry> LATE =
      new OutputTag<>("late-telemetry", TelemetryTypeInfo.TELEMETRY);
  public static final String DUPLICATES_METRIC = "telemetryDuplicates";
  public static final String LATE_METRIC = "telemetryLate";

  private final HealthRules rules;
  private final OverheatRule overheatRule;

  private transient ValueState<Telemetry> lastAccepted;
  private transient ValueState<Alert> openOverheat;
  private transient ValueState<Alert> openOffline;
  private transient ValueState<Long> offlineTimer;
  private transient ValueState<Long> offlineDue;
  private transient Counter duplicates;
  private transient Counter late;

  public DeviceHealthFunction(HealthRules rules) {
    this.rules = rules;
    this.overheatRule = new OverheatRule(rules.overheatLimitC(), rules.overheatHysteresisC());
  }

  @Override
  public void open(OpenContext openContext) {
    lastAccepted =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("last-accepted", TelemetryTypeInfo.TELEMETRY));
    openOverheat =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("open-overheat", TypeInformation.of(Alert.class)));
    openOffline =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("open-offline", TypeInformation.of(Alert.class)));
    offlineTimer =
        getRuntimeContext().getState(new ValueStateDescriptor<>("offline-timer", Types.LONG));
    offlineDue =
        getRuntimeContext().getState(new ValueStateDescriptor<>("offline-due", Types.LONG));
    duplicates = getRuntimeContext().getMetricGroup().counter(DUPLICATES_METRIC);
    late = getRuntimeContext().getMetricGroup().counter(LATE_METRIC);
  }

  @Override
  public void processElement(Telemetry reading, Context ctx, Collector<DeviceHealth> out)
      throws IOException {
    Telemetry last = lastAccepted.value();
    if (last != null && rules.isLate(reading.ts(), last.ts())) {
      late.inc();
      ctx.output(LATE, reading);
      return;
    }
    if (last != null && isDuplicate(reading, last)) {
      duplicates.inc();
      return;
    }
    lastAccepted.update(reading);
    Instant now = Instant.ofEpochMilli(ctx.timerService().currentProcessingTime());

    Alert offline = openOffline.value();
    if (offline != null) {
      ctx.output(ALERTS, offline.resolved(reading.ts(), now));
      openOffline.clear();
    }

    Optional<Alert> overheat = overheatRule.apply(openOverheat.value(), reading, now);
    if (overheat.isPresent()) {
      ctx.output(ALERTS, overheat.get());
      if (overheat.get().isOpen()) {
        openOverheat.update(overheat.get());
      } else {
        openOverheat.clear();
      }
    }

    out.collect(
        DeviceHealth.of(
            reading, openOverheat.value() != null ? DeviceStatus.FAULT : DeviceStatus.OK, now));
    restartOfflineTimer(ctx);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<DeviceHealth> out)
      throws IOException {
    Long pending = offlineTimer.value();
    Telemetry last = lastAccepted.value();
    if (pending == null || pending != timestamp || last == null) {
      return; // not the current timer (cannot happen: only one is ever pending)
    }
    Long due = offlineDue.value();
    if (due != null && due > timestamp) {
      // messages came in since the timer was set: wait for the silence to last long enough
      ctx.timerService().registerProcessingTimeTimer(due);
      offlineTimer.update(due);
      return;
    }
    offlineTimer.clear();
    Instant now = Instant.ofEpochMilli(timestamp);
    Alert offline = Alert.offline(last, rules.offlineAfter(), now);
    openOffline.update(offline);
    ctx.output(ALERTS, offline);
    out.collect(DeviceHealth.of(last, DeviceStatus.OFFLINE, now));
  }

  static boolean isDuplicate(Telemetry reading, Telemetry lastAccepted) {
    return reading.seq() <= lastAccepted.seq() && !reading.ts().isAfter(lastAccepted.ts());
  }

  private void restartOfflineTimer(Context ctx) throws IOException {
    long due = ctx.timerService().currentProcessingTime() + rules.offlineAfter().toMillis();
    offlineDue.update(due);
    if (offlineTimer.value() == null) {
      ctx.timerService().registerProcessingTimeTimer(due);
      offlineTimer.update(due);
    }
  }
}
