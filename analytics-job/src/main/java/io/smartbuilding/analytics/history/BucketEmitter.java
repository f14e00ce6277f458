package io.smartbuilding.analytics.history;

import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Turns a fired window's accumulator (the only element it gets: the aggregation is incremental)
 * into one {@link MetricBucket} per metric. A window that fires again for a late reading emits the
 * full new totals under the same key, so the item is rewritten, not added to.
 */
public class BucketEmitter
    extends ProcessWindowFunction<SeriesAccumulator, MetricBucket, String, TimeWindow>
    implements ResultTypeQueryable<MetricBucket> {

  private final HistoryScope scope;
  private final long retentionMillis;

  public BucketEmitter(HistoryScope scope, HistorySettings settings) {
    this.scope = scope;
    this.retentionMillis = scope.retention(settings).toMillis();
  }

  @Override
  public void process(
      String key,
      Context ctx,
      Iterable<SeriesAccumulator> accumulators,
      Collector<MetricBucket> out) {
    TimeWindow window = ctx.window();
    long expiresAt = (window.getEnd() + retentionMillis) / 1000;
    for (SeriesAccumulator acc : accumulators) {
      for (Map.Entry<String, MetricStats> entry : acc.metrics.entrySet()) {
        MetricStats stats = entry.getValue();
        out.collect(
            new MetricBucket(
                scope.seriesId(acc, entry.getKey()),
                window.getStart(),
                acc.buildingId,
                entry.getKey(),
                stats.min,
                stats.max,
                stats.sum,
                stats.count,
                expiresAt));
      }
    }
  }

  @Override
  public TypeInformation<MetricBucket> getProducedType() {
    return MetricBucket.TYPE;
  }
}
