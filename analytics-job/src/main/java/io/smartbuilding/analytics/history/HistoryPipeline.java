package io.smartbuilding.analytics.history;

import io.smartbuilding.contracts.telemetry.Telemetry;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.OutputTag;

/**
 * History aggregates for charts: per device per minute, per zone, floor and building per five
 * minutes, min/max/avg/sum/count of every metric, on event time.
 *
 * <pre>
 * telemetry (timestamps + watermarks) -> event-time lag gauge -> HistoryReading
 *     -+-> keyBy(device)   -> 1 min  -+
 *      `-> without deviceId -+-> keyBy(zone)     -> 5 min  -+-> sink
 *                            +-> keyBy(floor)    -> 5 min  -+
 *                            `-> keyBy(building) -> 5 min  -+
 *   (each window's late side output) -> late counter -> returned stream
 * </pre>
 *
 * <p>The input must carry event time: apply {@link TelemetryWatermarks#strategy} after decoding.
 * The four shuffles carry a {@link HistoryReading}, not the whole {@code Telemetry}: serializing
 * each reading once per scope is most of this pipeline's cost.
 */
public final class HistoryPipeline {

  private HistoryPipeline() {}

  /**
   * Adds the history windows and their sink.
   *
   * @return readings too late for a window (beyond the allowed lateness), once per scope that
   *     dropped them; already counted, the caller may keep or discard them
   */
  public static DataStream<HistoryReading> addTo(
      DataStream<Telemetry> telemetry, HistorySettings settings, Sink<MetricBucket> sink) {
    DataStream<HistoryReading> readings =
        telemetry
            .map(new EventTimeLag())
            // same parallelism as the input: chained to it, no extra shuffle
            .setParallelism(telemetry.getParallelism())
            .name("event-time-lag")
            .uid("event-time-lag")
            .map(HistoryReading::of, HistoryReading.TYPE)
            .setParallelism(telemetry.getParallelism())
            .name("history-reading")
            .uid("history-reading");
    DataStream<HistoryReading> placed =
        readings
            .map(HistoryReading::withoutDevice, HistoryReading.TYPE)
            .setParallelism(telemetry.getParallelism())
            .name("history-rollup-reading")
            .uid("history-rollup-reading");
    DataStream<MetricBucket> buckets = null;
    DataStream<HistoryReading> late = null;
    for (HistoryScope scope : HistoryScope.values()) {
      SingleOutputStreamOperator<MetricBucket> scoped =
          windows(scope == HistoryScope.DEVICE ? readings : placed, scope, settings);
      DataStream<HistoryReading> scopeLate =
          scoped
              .getSideOutput(lateTag(scope))
              .process(new LateReadingCounter())
              .name(scope.operatorName() + "-late")
              .uid(scope.operatorName() + "-late");
      buckets = buckets == null ? scoped : buckets.union(scoped);
      late = late == null ? scopeLate : late.union(scopeLate);
    }
    buckets.sinkTo(sink).name("metric-history-sink").uid("metric-history-sink");
    return late;
  }

  /** One scope's windows, exposed for harness tests. */
  static SingleOutputStreamOperator<MetricBucket> windows(
      DataStream<HistoryReading> readings, HistoryScope scope, HistorySettings settings) {
    return readings
        .keyBy(scope::key, Types.STRING)
        .window(TumblingEventTimeWindows.of(scope.width()))
        .allowedLateness(settings.allowedLateness())
        .sideOutputLateData(lateTag(scope))
        .aggregate(
            new SeriesAggregate(),
            new BucketEmitter(scope, settings),
            SeriesAccumulator.TYPE,
            SeriesAccumulator.TYPE,
            MetricBucket.TYPE)
        .name(scope.operatorName())
        .uid(scope.operatorName());
  }

  static OutputTag<HistoryReading> lateTag(HistoryScope scope) {
    return new OutputTag<>(scope.operatorName() + "-late", HistoryReading.TYPE);
  }
}
