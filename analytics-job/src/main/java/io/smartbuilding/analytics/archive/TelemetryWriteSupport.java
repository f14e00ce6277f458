package io.smartbuilding.analytics.archive;

import io.smartbuilding.contracts.telemetry.Telemetry;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/** Writes one {@link Telemetry} as one row of {@link TelemetryParquetSchema#SCHEMA}. */
final class TelemetryWriteSupport extends WriteSupport<Telemetry> {

  private RecordConsumer out;

  @Override
  public WriteContext init(Configuration configuration) {
    return new WriteContext(TelemetryParquetSchema.SCHEMA, Map.of());
  }

  @Override
  public WriteContext init(ParquetConfiguration configuration) {
    return new WriteContext(TelemetryParquetSchema.SCHEMA, Map.of());
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.out = recordConsumer;
  }

  @Override
  public void write(Telemetry t) {
    out.startMessage();
    string(0, "deviceId", t.deviceId());
    string(1, "buildingId", t.buildingId());
    out.startField("floor", 2);
    out.addInteger(t.floor());
    out.endField("floor", 2);
    string(3, "zone", t.zone());
    string(4, "deviceType", t.deviceType().name());
    out.startField("ts", 5);
    out.addLong(t.ts().toEpochMilli());
    out.endField("ts", 5);
    out.startField("seq", 6);
    out.addLong(t.seq());
    out.endField("seq", 6);
    metrics(t.metrics());
    out.endMessage();
  }

  private void metrics(Map<String, Double> metrics) {
    out.startField("metrics", 7);
    out.startGroup();
    // an empty repeated field is written by not starting it at all
    if (!metrics.isEmpty()) {
      out.startField("key_value", 0);
      for (Map.Entry<String, Double> metric : metrics.entrySet()) {
        out.startGroup();
        string(0, "key", metric.getKey());
        out.startField("value", 1);
        out.addDouble(metric.getValue());
        out.endField("value", 1);
        out.endGroup();
      }
      out.endField("key_value", 0);
    }
    out.endGroup();
    out.endField("metrics", 7);
  }

  private void string(int index, String name, String value) {
    out.startField(name, index);
    out.addBinary(Binary.fromString(value));
    out.endField(name, index);
  }
}
