package io.smartbuilding.analytics.history;

import io.smartbuilding.contracts.telemetry.Telemetry;
import java.util.Map;
import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * Folds each reading into its window's accumulator as it arrives, so a window holds one small
 * accumulator instead of every reading.
 */
public class SeriesAggregate
    implements AggregateFunction<Telemetry, SeriesAccumulator, SeriesAccumulator> {

  @Override
  public SeriesAccumulator createAccumulator() {
    return new SeriesAccumulator();
  }

  @Override
  public SeriesAccumulator add(Telemetry reading, SeriesAccumulator acc) {
    if (acc.buildingId == null) {
      // every reading of one key shares the placement that makes the key (zone readings all
      // have the same building, floor and zone), so the first one is enough
      acc.deviceId = reading.deviceId();
      acc.buildingId = reading.buildingId();
      acc.floor = reading.floor();
      acc.zone = reading.zone();
    }
    for (Map.Entry<String, Double> metric : reading.metrics().entrySet()) {
      Double value = metric.getValue();
      if (value != null && Double.isFinite(value)) {
        acc.metrics.computeIfAbsent(metric.getKey(), k -> new MetricStats()).add(value);
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
