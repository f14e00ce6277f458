package io.smartbuilding.analytics.telemetry;

import io.smartbuilding.contracts.telemetry.DeviceType;
import io.smartbuilding.contracts.telemetry.Telemetry;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * Flink type information for the contract's {@link Telemetry} record. Spelled out because Flink
 * would otherwise hand the {@code metrics} map to Kryo, which cannot rebuild the immutable map the
 * record holds. With every field typed, Flink's POJO serializer handles the record through its
 * canonical constructor.
 */
public final class TelemetryTypeInfo {

  public static final TypeInformation<Telemetry> TELEMETRY =
      Types.POJO(
          Telemetry.class,
          Map.of(
              "deviceId", Types.STRING,
              "buildingId", Types.STRING,
              "floor", Types.INT,
              "zone", Types.STRING,
              "deviceType", Types.ENUM(DeviceType.class),
              "ts", Types.INSTANT,
              "seq", Types.LONG,
              "metrics", Types.MAP(Types.STRING, Types.DOUBLE)));

  private TelemetryTypeInfo() {}
}
