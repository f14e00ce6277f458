package io.smartbuilding.analytics.history;

import io.smartbuilding.analytics.telemetry.TelemetryTypeInfo;
import io.smartbuilding.contracts.telemetry.Telemetry;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.metrics.Gauge;

/**
 * Passes readings on unchanged and publishes {@value #METRIC}: wall-clock now minus the newest
 * reading's {@code ts} seen by this subtask. Unlike the consumer's millisBehindLatest (how far
 * behind the stream's tip the reader is), this includes the time a reading spent before Kinesis
 * (device clock, MQTT, gateway), which is what a chart's freshness depends on.
 */
public class EventTimeLag extends RichMapFunction<Telemetry, Telemetry>
    implements ResultTypeQueryable<Telemetry> {

  public static final String METRIC = "eventTimeLagMs";

  // written by the task thread, read by the metric reporter's thread; 0 = no reading yet
  private transient volatile long newestTs;

  @Override
  public void open(OpenContext openContext) {
    getRuntimeContext()
        .getMetricGroup()
        .gauge(METRIC, (Gauge<Long>) () -> lag(System.currentTimeMillis()));
  }

  @Override
  public Telemetry map(Telemetry reading) {
    long ts = reading.ts().toEpochMilli();
    if (ts > newestTs) {
      newestTs = ts;
    }
    return reading;
  }

  /** Null (no value) until the first reading: a lag of "since 1970" would only mislead. */
  Long lag(long nowMillis) {
    long newest = newestTs;
    return newest == 0 ? null : nowMillis - newest;
  }

  @Override
  public TypeInformation<Telemetry> getProducedType() {
    return TelemetryTypeInfo.TELEMETRY;
  }
}
