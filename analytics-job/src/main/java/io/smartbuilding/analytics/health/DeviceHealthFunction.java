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
 * <p>OFFLINE runs on processing time: after each accepted message one timer is pending at {@code
 * now + offlineAfter}. Event time would need watermarks, and a silent device produces none.
 */
public class DeviceHealthFunction extends KeyedProcessFunction<String, Telemetry, DeviceHealth> {

  public static final OutputTag<Alert> ALERTS =
      new OutputTag<>("alerts", TypeInformation.of(Alert.class));
  public static final String DUPLICATES_METRIC = "telemetryDuplicates";

  private final HealthRules rules;
  private final OverheatRule overheatRule;

  private transient ValueState<Telemetry> lastAccepted;
  private transient ValueState<Alert> openOverheat;
  private transient ValueState<Alert> openOffline;
  private transient ValueState<Long> offlineTimer;
  private transient Counter duplicates;

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
    duplicates = getRuntimeContext().getMetricGroup().counter(DUPLICATES_METRIC);
  }

  @Override
  public void processElement(Telemetry reading, Context ctx, Collector<DeviceHealth> out)
      throws IOException {
    Telemetry last = lastAccepted.value();
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
      return; // not the current timer (cannot happen while stale timers are deleted)
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
    Long pending = offlineTimer.value();
    if (pending != null) {
      ctx.timerService().deleteProcessingTimeTimer(pending);
    }
    long at = ctx.timerService().currentProcessingTime() + rules.offlineAfter().toMillis();
    ctx.timerService().registerProcessingTimeTimer(at);
    offlineTimer.update(at);
  }
}
