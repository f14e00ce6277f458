package io.smartbuilding.analytics.history;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Counts readings that arrived after their history window was closed for good (metric {@value
 * #METRIC}, one operator per scope) and passes them on, so the wiring can keep them somewhere.
 */
public class LateReadingCounter extends ProcessFunction<HistoryReading, HistoryReading>
    implements ResultTypeQueryable<HistoryReading> {

  public static final String METRIC = "historyLateReadings";

  private transient Counter late;

  @Override
  public void open(OpenContext openContext) {
    late = getRuntimeContext().getMetricGroup().counter(METRIC);
  }

  @Override
  public void processElement(HistoryReading reading, Context ctx, Collector<HistoryReading> out) {
    late.inc();
    out.collect(reading);
  }

  @Override
  public TypeInformation<HistoryReading> getProducedType() {
    return HistoryReading.TYPE;
  }
}
