package io.smartbuilding.analytics.history;

import io.smartbuilding.analytics.telemetry.TelemetryTypeInfo;
import io.smartbuilding.contracts.telemetry.Telemetry;
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
public class LateReadingCounter extends ProcessFunction<Telemetry, Telemetry>
    implements ResultTypeQueryable<Telemetry> {

  public static final String METRIC = "historyLateReadings";

  private transient Counter late;

  @Override
  public void open(OpenContext openContext) {
    late = getRuntimeContext().getMetricGroup().counter(METRIC);
  }

  @Override
  public void processElement(Telemetry reading, Context ctx, Collector<Telemetry> out) {
    late.inc();
    out.collect(reading);
  }

  @Override
  public TypeInformation<Telemetry> getProducedType() {
    return TelemetryTypeInfo.TELEMETRY;
  }
}
