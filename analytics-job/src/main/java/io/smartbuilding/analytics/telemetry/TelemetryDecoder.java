package io.smartbuilding.analytics.telemetry;

import io.smartbuilding.contracts.telemetry.InvalidTelemetryException;
import io.smartbuilding.contracts.telemetry.Telemetry;
import io.smartbuilding.contracts.telemetry.TelemetryCodec;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Kinesis user records into {@link Telemetry}. The gateway validates before it writes, so a
 * record that does not decode means a bug or a foreign writer: it is counted ({@value
 * #REJECTED_METRIC}), logged and sent to {@link #REJECTED} instead of failing the job, because a
 * poison record would otherwise crash-loop the job on every restart.
 */
public class TelemetryDecoder extends ProcessFunction<byte[], Telemetry>
    implements ResultTypeQueryable<Telemetry> {

  public static final String REJECTED_METRIC = "telemetryRejected";
  public static final OutputTag<RejectedTelemetry> REJECTED =
      new OutputTag<>("rejected-telemetry") {};

  private static final Logger LOG = LoggerFactory.getLogger(TelemetryDecoder.class);

  private transient TelemetryCodec codec;
  private transient Counter rejected;

  @Override
  public void open(OpenContext openContext) {
    codec = new TelemetryCodec();
    rejected = getRuntimeContext().getMetricGroup().counter(REJECTED_METRIC);
  }

  @Override
  public void processElement(byte[] record, Context ctx, Collector<Telemetry> out) {
    try {
      out.collect(codec.decode(record));
    } catch (InvalidTelemetryException e) {
      rejected.inc();
      LOG.warn(
          "Skipping a Kinesis record that is not valid telemetry: {} {}",
          e.reason(),
          e.getMessage());
      ctx.output(REJECTED, new RejectedTelemetry(e.reason(), e.getMessage(), record.length));
    }
  }

  /** Tells Flink how to serialize the output, which it would otherwise hand to Kryo. */
  @Override
  public TypeInformation<Telemetry> getProducedType() {
    return TelemetryTypeInfo.TELEMETRY;
  }
}
