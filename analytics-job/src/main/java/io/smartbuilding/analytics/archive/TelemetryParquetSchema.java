package io.smartbuilding.analytics.archive;

import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * The archive's Parquet schema: the telemetry contract's fields, {@code ts} as a UTC timestamp in
 * milliseconds and {@code metrics} as a standard Parquet MAP, so Athena, Spark or DuckDB read the
 * files without a custom reader.
 */
public final class TelemetryParquetSchema {

  public static final MessageType SCHEMA =
      MessageTypeParser.parseMessageType(
          """
          message telemetry {
            required binary deviceId (STRING);
            required binary buildingId (STRING);
            required int32 floor;
            required binary zone (STRING);
            required binary deviceType (STRING);
            required int64 ts (TIMESTAMP(MILLIS,true));
            required int64 seq;
            required group metrics (MAP) {
              repeated group key_value {
                required binary key (STRING);
                required double value;
              }
            }
          }
          """);

  private TelemetryParquetSchema() {}
}
