package io.smartbuilding.analytics.history;

import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * Folds each reading into its window's accumulator as it arrives, so a window holds one small
 * accumulator instead of every reading.
 */
public class SeriesAggregate
    implements AggregateFunction<HistoryReading, SeriesAccumulator, SeriesAccumulator> {

  @Override
  public SeriesAccumulator createAccumulator() {
    return new SeriesAccumulator();
  }

  @Override
  public SeriesAccumulator add(HistoryReading reading, SeriesAccumulator acc) {
    if (acc.buildingId == null) {
      // every reading of one key shares the placement that makes the key (zone readings all
      // have the same building, floor and zone), so the first one is enough
      acc.deviceId = reading.deviceId();
      acc.buildingId = reading.buildingId();
      acc.floor = reading.floor();
      acc.zone = reading.zone();
    }
    for (int i = 0; i < reading.metricCount(); i++) {
      double value = reading.value(i);
      if (Double.isFinite(value)) {
        String metric = reading.metric(i);
        MetricStats stats = acc.metrics.get(metric);
        if (stats == null) {
          stats = new MetricStats();
          acc.metrics.put(metric, stats);
        }
        stats.add(value);
      }
    }
    return acc;
  }

  @Override
  public SeriesAccumulator getResult(SeriesAccumulator acc) {
    return acc;
  }

  @Override
  public SeriesAccumulator merge(SeriesAccumulator a, SeriesAccumulator b) {
    if (a.buildingId == null) {
      return b;
    }
    b.metrics.forEach((metric, stats) -> a.metrics.merge(metric, stats, MetricStats::merged));
    return a;
  }
}
