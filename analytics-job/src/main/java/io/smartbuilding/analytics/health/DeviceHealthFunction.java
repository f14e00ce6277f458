package io.smartbuilding.analytics.health;

import io.smartbuilding.analytics.alert.Alert;
import io.smartbuilding.analytics.alert.OpenAlerts;
import io.smartbuilding.analytics.anomaly.AnomalyEvaluation;
import io.smartbuilding.analytics.anomaly.AnomalyTrack;
import io.smartbuilding.analytics.anomaly.WearEvaluation;
import io.smartbuilding.analytics.anomaly.WearWindow;
import io.smartbuilding.analytics.rules.Rule;
import io.smartbuilding.analytics.rules.RuleEvaluation;
import io.smartbuilding.analytics.rules.RuleIndex;
import io.smartbuilding.analytics.rules.RuleSet;
import io.smartbuilding.analytics.rules.RuleTrack;
import io.smartbuilding.analytics.telemetry.TelemetryTypeInfo;
import io.smartbuilding.contracts.alert.AlertType;
import io.smartbuilding.contracts.health.DeviceStatus;
import io.smartbuilding.contracts.telemetry.Telemetry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Per device (keyed by deviceId), with the rules broadcast to every task: drops duplicates, applies
 * the rules ({@link RuleEvaluation}), the anomaly baseline ({@link AnomalyEvaluation}) and the wear
 * trend ({@link WearEvaluation}) to every accepted reading, keeps the device's alerts (to {@link
 * #ALERTS}) and emits its {@link DeviceHealth} whenever it may have changed. This class owns the
 * state, the OFFLINE timer and the metrics; the evaluations decide what the alerts do.
 *
 * <p>Rules arrive as whole {@link RuleSet}s on the broadcast input and take effect for the next
 * reading of every device; until the first one arrives (and without restored state) the job's
 * initial rules apply. A rule that is removed, disabled, or now watches something else resolves its
 * open alerts at once, as of each device's last reading.
 *
 * <p>Duplicates: Kinesis and MQTT QoS 1 deliver at least once. The device's newest ts and a window
 * of the seqs it sent ({@link SeqWindow}) are kept apart and never move back. A reading newer than
 * the newest is accepted (a device that restarts resets seq but its clock moves on). One that is
 * not newer is a duplicate ({@value #DUPLICATES_METRIC}) when its seq was already seen, or is too
 * far below the highest seq to tell; otherwise it is out of order ({@value #OUT_OF_ORDER_METRIC}):
 * its seq is marked seen, so a redelivery of it is a duplicate, but it is not evaluated, because
 * rule durations, rates of change and the anomaly baseline follow each device's readings in event
 * time order and the health's lastSeen and metrics must not move back. The history pipeline still
 * aggregates it.
 *
 * <p>Late readings: a reading more than {@code maxLateness} older (event time) than the device's
 * last accepted message would move its health back in time. It is counted ({@value #LATE_METRIC})
 * and sent to {@link #LATE} instead, and changes nothing, not even the OFFLINE timer.
 *
 * <p>OFFLINE episodes are also derived from event time: a reading that follows the device's newest
 * one by more than {@code offlineAfter} opens and resolves the OFFLINE alert of that gap (opened at
 * newest ts + offlineAfter, resolved at the reading's ts) when the timer did not, so a replay and a
 * restore write the same OFFLINE items whether or not the timer fired.
 *
 * <p>Rule durations, the anomaly runs and the wear trend use the event time of the device's own
 * readings, so a replay reaches the same alerts with the same ids.
 *
 * <p>OFFLINE runs on processing time on purpose: a device that has gone silent sends nothing, so
 * nothing would move an event-time clock (a watermark) for it, and an event-time timer would only
 * fire when other devices' readings push the watermark on, or never. One timer is pending per
 * device; a message only moves the due time in state, and a timer that fires before the due time is
 * set again for it (registering a timer per message cost a fifth of this operator's time). A timer
 * that fires more than {@code offlineAfter} after its time fired late because the job was down
 * (restored from a checkpoint): it is set again for {@code offlineAfter} from now rather than
 * marking every device OFFLINE at once.
 *
 * <p>A device that stays OFFLINE for {@code deviceStateRetention} (processing time) is taken for
 * decommissioned: all its keyed state and timers are dropped. Its OFFLINE alert stays open in the
 * alerts table (the job no longer knows it); if the device comes back it starts afresh.
 */
public class DeviceHealthFunction
    extends KeyedBroadcastProcessFunction<String, Telemetry, RuleSet, DeviceHealth> {

  public static final OutputTag<Alert> ALERTS =
      new OutputTag<>("alerts", TypeInformation.of(Alert.class));
  public static final OutputTag<Telemetry> LATE =
      new OutputTag<>("late-telemetry", TelemetryTypeInfo.TELEMETRY);

  /**
   * Every reading that is not a duplicate (new, out of order or late), for the history windows and
   * the archive: this operator is where duplicates are known, so counts and sums downstream are
   * not inflated by at-least-once redeliveries.
   */
  public static final OutputTag<Telemetry> UNIQUE =
      new OutputTag<>("unique-telemetry", TelemetryTypeInfo.TELEMETRY);

  /** The broadcast state: the current rule set under {@link #CURRENT_RULES}. */
  public static final MapStateDescriptor<String, RuleSet> RULES =
      new MapStateDescriptor<>("rules", Types.STRING, TypeInformation.of(RuleSet.class));

  static final String CURRENT_RULES = "current";
  public static final String DUPLICATES_METRIC = "telemetryDuplicates";
  public static final String LATE_METRIC = "telemetryLate";
  public static final String OUT_OF_ORDER_METRIC = "telemetryOutOfOrder";
  public static final String DEVICES_EXPIRED_METRIC = "deviceStatesExpired";
  public static final String ALERTS_RAISED_METRIC = "alertsRaised";
  public static final String ALERTS_RESOLVED_METRIC = "alertsResolved";

  static final MapStateDescriptor<String, Alert> OPEN_ALERTS =
      new MapStateDescriptor<>("open-alerts", Types.STRING, TypeInformation.of(Alert.class));
  static final MapStateDescriptor<String, RuleTrack> RULE_TRACKS =
      new MapStateDescriptor<>("rule-tracks", Types.STRING, TypeInformation.of(RuleTrack.class));
  static final MapStateDescriptor<String, AnomalyTrack> ANOMALY_TRACKS =
      new MapStateDescriptor<>(
          "anomaly-tracks", Types.STRING, TypeInformation.of(AnomalyTrack.class));
  static final MapStateDescriptor<String, WearWindow> WEAR_WINDOWS =
      new MapStateDescriptor<>("wear-windows", Types.STRING, TypeInformation.of(WearWindow.class));

  /**
   * The device's assessment; cleared while HEALTHY. It is recomputed whenever an alert opens or
   * resolves, so it also says, without reading the open alerts, whether any (and an OFFLINE one) is
   * open.
   */
  static final ValueStateDescriptor<HealthAssessment> ASSESSMENT =
      new ValueStateDescriptor<>("assessment", TypeInformation.of(HealthAssessment.class));

  private final HealthRules settings;
  private final RuleSet initialRules;

  private transient ValueState<Telemetry> lastAccepted;
  private transient MapState<String, Alert> openAlerts;
  private transient ValueState<HealthAssessment> assessment;
  private transient ValueState<Long> offlineTimer;
  private transient ValueState<Long> offlineDue;
  private transient ValueState<SeqWindow> seqWindow;
  private transient ValueState<Long> cleanupAt;
  private transient ValueState<Long> healthWrittenTs;
  private transient MapState<String, RuleTrack> ruleTracks;
  private transient MapState<String, AnomalyTrack> anomalyTracks;
  private transient MapState<String, WearWindow> wearWindows;
  private transient Counter duplicates;
  private transient Counter outOfOrder;
  private transient Counter expired;
  private transient Counter late;
  private transient Counter raised;
  private transient Counter resolved;
  private transient Map<AlertType, Counter> raisedByType;
  private transient Map<AlertType, Counter> resolvedByType;
  private transient KeyedOpenAlerts alerts;
  private transient RuleEvaluation ruleEvaluation;
  private transient AnomalyEvaluation anomalyEvaluation;
  private transient WearEvaluation wearEvaluation;
  private transient RuleIndex ruleIndex;
  // devices whose anomaly and wear state was checked against the settings since open()
  private transient Set<String> checkedSinceOpen;

  public DeviceHealthFunction(HealthRules settings, RuleSet initialRules) {
    this.settings = settings;
    this.initialRules = initialRules;
  }

  /** With the built-in rules until a rule set is broadcast. */
  public DeviceHealthFunction(HealthRules settings) {
    this(settings, settings.defaultRules());
  }

  @Override
  public void open(OpenContext openContext) {
    var ctx = getRuntimeContext();
    lastAccepted =
        ctx.getState(new ValueStateDescriptor<>("last-accepted", TelemetryTypeInfo.TELEMETRY));
    openAlerts = ctx.getMapState(OPEN_ALERTS);
    assessment = ctx.getState(ASSESSMENT);
    offlineTimer = ctx.getState(new ValueStateDescriptor<>("offline-timer", Types.LONG));
    offlineDue = ctx.getState(new ValueStateDescriptor<>("offline-due", Types.LONG));
    seqWindow =
        ctx.getState(new ValueStateDescriptor<>("seq-window", TypeInformation.of(SeqWindow.class)));
    cleanupAt = ctx.getState(new ValueStateDescriptor<>("cleanup-at", Types.LONG));
    healthWrittenTs = ctx.getState(new ValueStateDescriptor<>("health-written-ts", Types.LONG));
    ruleTracks = ctx.getMapState(RULE_TRACKS);
    anomalyTracks = ctx.getMapState(ANOMALY_TRACKS);
    wearWindows = ctx.getMapState(WEAR_WINDOWS);
    MetricGroup metrics = metricGroup();
    duplicates = metrics.counter(DUPLICATES_METRIC);
    outOfOrder = metrics.counter(OUT_OF_ORDER_METRIC);
    expired = metrics.counter(DEVICES_EXPIRED_METRIC);
    late = metrics.counter(LATE_METRIC);
    raised = metrics.counter(ALERTS_RAISED_METRIC);
    resolved = metrics.counter(ALERTS_RESOLVED_METRIC);
    raisedByType = new EnumMap<>(AlertType.class);
    resolvedByType = new EnumMap<>(AlertType.class);
    for (AlertType type : AlertType.values()) {
      MetricGroup byType = metrics.addGroup("alertType", type.name());
      raisedByType.put(type, byType.counter(ALERTS_RAISED_METRIC));
      resolvedByType.put(type, byType.counter(ALERTS_RESOLVED_METRIC));
    }
    alerts = new KeyedOpenAlerts();
    ruleEvaluation = new RuleEvaluation(ruleTracks);
    anomalyEvaluation = new AnomalyEvaluation(settings.anomaly(), anomalyTracks);
    wearEvaluation = new WearEvaluation(settings.wear(), wearWindows);
    checkedSinceOpen = new HashSet<>();
  }

  @Override
  public void processElement(Telemetry reading, ReadOnlyContext ctx, Collector<DeviceHealth> out)
      throws Exception {
    Telemetry last = lastAccepted.value();
    if (last != null && settings.isLate(reading.ts(), last.ts())) {
      late.inc();
      ctx.output(LATE, reading);
      ctx.output(UNIQUE, reading);
      return;
    }
    if (last != null) {
      // state restored from before the window existed: the last accepted seq is all we know
      SeqWindow window = seqWindow.value();
      window = window != null ? window : SeqWindow.first(last.seq());
      // a reading at the same ms with a higher seq moves nothing back: it is new too
      boolean newer =
          reading.ts().isAfter(last.ts())
              || reading.ts().equals(last.ts()) && reading.seq() > window.highestSeq();
      switch (window.classify(reading.seq(), newer)) {
        case DUPLICATE -> {
          duplicates.inc();
          return;
        }
        case OUT_OF_ORDER -> {
          outOfOrder.inc();
          seqWindow.update(window.accept(reading.seq()));
          ctx.output(UNIQUE, reading);
          return;
        }
        case NEW -> seqWindow.update(window.accept(reading.seq()));
      }
    } else {
      seqWindow.update(SeqWindow.first(reading.seq()));
    }
    lastAccepted.update(reading);
    ctx.output(UNIQUE, reading);
    long nowMs = ctx.timerService().currentProcessingTime();
    Instant now = Instant.ofEpochMilli(nowMs);
    RuleIndex rules = ruleIndex(ctx.getBroadcastState(RULES).get(CURRENT_RULES));
    alerts.emitTo(ctx);

    HealthAssessment before = assessment.value();
    boolean changed = false;
    // the assessment says whether OFFLINE is open: an online device's reading skips that lookup
    if (before != null && before.status() == DeviceStatus.OFFLINE) {
      Alert offline = alerts.get(Alert.OFFLINE_RULE_ID);
      if (offline != null) {
        alerts.resolve(offline, reading.ts(), now);
        changed = true;
      }
      cancelCleanup(ctx);
    } else if (last != null
        && reading.ts().isAfter(last.ts().plus(settings.offlineAfter()))
        && alerts.get(Alert.OFFLINE_RULE_ID) == null) {
      // the gap in event time was an OFFLINE episode the timer did not see (replay, restore)
      Alert offline = Alert.offline(last, settings.offlineAfter(), now);
      alerts.raise(offline);
      alerts.resolve(offline, reading.ts(), now);
      changed = true;
    }
    if (checkedSinceOpen.add(reading.deviceId())) {
      // the settings may have changed with the restart: metrics no longer watched let go
      changed |= anomalyEvaluation.retireUnconfigured(reading, now, alerts);
      changed |= wearEvaluation.retireUnconfigured(reading, now, alerts);
    }
    changed |= ruleEvaluation.apply(rules.forType(reading.deviceType()), reading, now, alerts);
    changed |= anomalyEvaluation.apply(reading, now, alerts);
    changed |= wearEvaluation.apply(reading, rules, now, alerts);

    // unchanged alerts keep the assessment; none stored means HEALTHY (no alert open)
    HealthAssessment health =
        changed ? assess() : before != null ? before : HealthAssessment.HEALTHY;
    if (changed || movedOrRetyped(last, reading) || isHealthRefreshDue(reading)) {
      out.collect(DeviceHealth.of(reading, health, now));
      healthWrittenTs.update(reading.ts().toEpochMilli());
    }
    restartOfflineTimer(ctx, nowMs);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<DeviceHealth> out)
      throws Exception {
    Long cleanup = cleanupAt.value();
    if (cleanup != null && cleanup == timestamp) {
      clearDevice();
      return;
    }
    Long pending = offlineTimer.value();
    Telemetry last = lastAccepted.value();
    if (pending == null || pending != timestamp || last == null) {
      return; // not the current timer (cannot happen: only one is ever pending)
    }
    long nowMs = ctx.timerService().currentProcessingTime();
    long offlineAfterMs = settings.offlineAfter().toMillis();
    Long due = offlineDue.value();
    if (due != null && due > timestamp) {
      // messages came in since the timer was set: wait for the silence to last long enough
      ctx.timerService().registerProcessingTimeTimer(due);
      offlineTimer.update(due);
      return;
    }
    if (nowMs - timestamp > offlineAfterMs) {
      // fired late: the job was down (restored from a checkpoint), so the silence was the job's;
      // give the device offlineAfter from now to be heard
      long next = nowMs + offlineAfterMs;
      ctx.timerService().registerProcessingTimeTimer(next);
      offlineTimer.update(next);
      offlineDue.update(next);
      return;
    }
    offlineTimer.clear();
    Instant now = Instant.ofEpochMilli(timestamp);
    alerts.emitTo(ctx);
    alerts.raise(Alert.offline(last, settings.offlineAfter(), now));
    out.collect(DeviceHealth.of(last, assess(), now));
    long expiry = nowMs + settings.deviceStateRetention().toMillis();
    ctx.timerService().registerProcessingTimeTimer(expiry);
    cleanupAt.update(expiry);
  }

  /** The group the counters go to; a test reads them through its own. */
  MetricGroup metricGroup() {
    return getRuntimeContext().getMetricGroup();
  }

  private void cancelCleanup(ReadOnlyContext ctx) throws Exception {
    Long cleanup = cleanupAt.value();
    if (cleanup != null) {
      ctx.timerService().deleteProcessingTimeTimer(cleanup);
      cleanupAt.clear();
    }
  }

  /**
   * Whether an unchanged health (same status, score, reasons and alerts: only lastSeen and the
   * latest metrics move) is written again. Every write is a DynamoDB write, one per reading
   * without this, so at scale the health table would cost more than the rest of the platform.
   * Event time, not processing time, so a replay writes the same items.
   */
  private boolean isHealthRefreshDue(Telemetry reading) throws Exception {
    Long written = healthWrittenTs.value();
    return written == null
        || settings.healthRefresh().isZero()
        || reading.ts().toEpochMilli() - written >= settings.healthRefresh().toMillis();
  }

  /**
   * A device moved to another building, floor or zone, or reports as another type: the lists of the
   * API (by building, floor, zone and type) must show it there now, not after the next refresh.
   */
  private static boolean movedOrRetyped(Telemetry last, Telemetry reading) {
    return last != null
        && (!last.buildingId().equals(reading.buildingId())
            || last.floor() != reading.floor()
            || !last.zone().equals(reading.zone())
            || last.deviceType() != reading.deviceType());
  }

  /** Drops every state of a device that has been OFFLINE for the retention. */
  private void clearDevice() {
    lastAccepted.clear();
    healthWrittenTs.clear();
    seqWindow.clear();
    openAlerts.clear();
    assessment.clear();
    offlineTimer.clear();
    offlineDue.clear();
    cleanupAt.clear();
    ruleTracks.clear();
    anomalyTracks.clear();
    wearWindows.clear();
    expired.inc();
  }

  /**
   * A new rule set. Rules that are gone, disabled or now watch something else resolve their open
   * alerts on every device, as of the device's last reading; their per-device tracks are dropped.
   */
  @Override
  public void processBroadcastElement(RuleSet next, Context ctx, Collector<DeviceHealth> out)
      throws Exception {
    RuleSet previous = currentRules(ctx.getBroadcastState(RULES).get(CURRENT_RULES));
    ctx.getBroadcastState(RULES).put(CURRENT_RULES, next);
    Map<String, Rule> nextById = next.byId();
    Set<String> ended = new HashSet<>();
    for (Rule before : previous.rules()) {
      Rule after = nextById.get(before.ruleId());
      if (before.enabled() && (after == null || !after.enabled() || !after.watchesSameAs(before))) {
        ended.add(before.ruleId());
      }
    }
    if (ended.isEmpty()) {
      return;
    }
    Instant now = Instant.ofEpochMilli(ctx.currentProcessingTime());
    ctx.applyToKeyedState(
        RULE_TRACKS,
        (deviceId, tracks) -> {
          for (String ruleId : ended) {
            tracks.remove(ruleId);
          }
        });
    ctx.applyToKeyedState(
        OPEN_ALERTS,
        (deviceId, open) -> {
          // the backend has made deviceId the current key, so every state below is this device's
          boolean changed = false;
          Telemetry last = lastAccepted.value();
          for (String ruleId : ended) {
            Alert alert = open.get(ruleId);
            if (alert != null && last != null) {
              open.remove(ruleId);
              Alert closed = alert.resolved(last.ts(), now);
              ctx.output(ALERTS, closed);
              count(resolved, resolvedByType, closed);
              changed = true;
            }
          }
          if (changed) {
            out.collect(DeviceHealth.of(last, assess(), now));
          }
        });
  }

  /**
   * The device's open alerts in keyed state; every change goes to {@link #ALERTS} and the metrics.
   */
  private final class KeyedOpenAlerts implements OpenAlerts {

    // the context of the element being processed: set per element rather than wrapped in a new
    // object, so the hot path allocates nothing for it
    private ReadOnlyContext ctx;

    void emitTo(ReadOnlyContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Alert get(String ruleId) throws Exception {
      return openAlerts.get(ruleId);
    }

    @Override
    public void raise(Alert alert) throws Exception {
      openAlerts.put(alert.ruleId(), alert);
      ctx.output(ALERTS, alert);
      count(raised, raisedByType, alert);
    }

    @Override
    public void update(Alert alert) throws Exception {
      openAlerts.put(alert.ruleId(), alert);
      ctx.output(ALERTS, alert);
    }

    @Override
    public void resolve(Alert open, Instant at, Instant now) throws Exception {
      openAlerts.remove(open.ruleId());
      Alert closed = open.resolved(at, now);
      ctx.output(ALERTS, closed);
      count(resolved, resolvedByType, closed);
    }
  }

  private static void count(Counter total, Map<AlertType, Counter> byType, Alert alert) {
    total.inc();
    byType.get(alert.type()).inc();
  }

  /** The device's assessment, recomputed from its open alerts after they changed, and kept. */
  private HealthAssessment assess() throws Exception {
    List<Alert> open = new ArrayList<>();
    openAlerts.values().forEach(open::add);
    HealthAssessment next = HealthAssessment.of(open);
    if (next.equals(HealthAssessment.HEALTHY)) {
      assessment.clear();
    } else {
      assessment.update(next);
    }
    return next;
  }

  private RuleSet currentRules(RuleSet broadcast) {
    return broadcast != null ? broadcast : initialRules;
  }

  /** The index of the rules in force, built again only when a new rule set has arrived. */
  private RuleIndex ruleIndex(RuleSet broadcast) {
    RuleSet rules = currentRules(broadcast);
    if (ruleIndex == null || ruleIndex.rules() != rules) {
      ruleIndex = new RuleIndex(rules);
    }
    return ruleIndex;
  }

  private void restartOfflineTimer(ReadOnlyContext ctx, long nowMs) throws Exception {
    long due = nowMs + settings.offlineAfter().toMillis();
    offlineDue.update(due);
    if (offlineTimer.value() == null) {
      ctx.timerService().registerProcessingTimeTimer(due);
      offlineTimer.update(due);
    }
  }
}
