package io.smartbuilding.analytics.history;

import io.smartbuilding.contracts.telemetry.Metrics;
import io.smartbuilding.contracts.telemetry.Telemetry;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.BasicArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * What the history windows read of a {@link Telemetry}: placement, time and the metrics as
 * parallel arrays. Each of the four scopes has its own shuffle, so this is serialized four times
 * per reading; it leaves out the device type, sequence number and metrics map (a deserialized
 * {@code Telemetry} builds its map twice), and names the contract's metrics by a one-byte code
 * rather than a string. Never kept in state: the codes only have to agree between the subtasks of
 * one job, which all run this class.
 *
 * @param deviceId null in the readings sent to the zone, floor and building scopes
 * @param tsMillis the reading's {@code ts}, epoch milliseconds (also its event-time timestamp)
 * @param metricCodes per metric: {@code c >= 0} is {@code KNOWN[c]}, {@code c < 0} is {@code
 *     otherMetrics[-c - 1]}
 * @param otherMetrics names outside the contract's list, usually none
 * @param values the value of metric {@code i} at index {@code i}
 */
public record HistoryReading(
    String deviceId,
    String buildingId,
    int floor,
    String zone,
    long tsMillis,
    byte[] metricCodes,
    String[] otherMetrics,
    double[] values) {

  /** Spelled out so that Flink uses its POJO and array serializers instead of Kryo. */
  public static final TypeInformation<HistoryReading> TYPE =
      Types.POJO(
          HistoryReading.class,
          Map.of(
              "deviceId", Types.STRING,
              "buildingId", Types.STRING,
              "floor", Types.INT,
              "zone", Types.STRING,
              "tsMillis", Types.LONG,
              "metricCodes", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO,
              "otherMetrics", BasicArrayTypeInfo.STRING_ARRAY_TYPE_INFO,
              "values", PrimitiveArrayTypeInfo.DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO));

  /** Append only: a code must mean the same name on every subtask of a running job. */
  private static final String[] KNOWN = {
    Metrics.TEMPERATURE_C,
    Metrics.HUMIDITY_PCT,
    Metrics.CO2_PPM,
    Metrics.OCCUPANCY,
    Metrics.SUPPLY_AIR_TEMP_C,
    Metrics.FAN_SPEED_PCT,
    Metrics.VIBRATION_MM_S,
    Metrics.FILTER_PRESSURE_DROP_PA,
    Metrics.SUPPLY_WATER_TEMP_C,
    Metrics.RETURN_WATER_TEMP_C,
    Metrics.COMPRESSOR_CURRENT_A,
    Metrics.POWER_KW,
    Metrics.ENERGY_KWH,
    Metrics.TRIPS,
    Metrics.DOOR_FAULTS,
    Metrics.BATTERY_PCT
  };

  private static final Map<String, Byte> CODES = new HashMap<>();

  static {
    for (int i = 0; i < KNOWN.length; i++) {
      CODES.put(KNOWN[i], (byte) i);
    }
  }

  private static final String[] NONE = {};

  public static HistoryReading of(Telemetry t) {
    Map<String, Double> source = t.metrics();
    byte[] codes = new byte[source.size()];
    double[] values = new double[source.size()];
    String[] others = NONE;
    int n = 0;
    for (Map.Entry<String, Double> metric : source.entrySet()) {
      Double value = metric.getValue();
      if (value == null) {
        continue;
      }
      Byte code = CODES.get(metric.getKey());
      if (code == null) {
        others = Arrays.copyOf(others, others.length + 1);
        others[others.length - 1] = metric.getKey();
        code = (byte) -others.length;
      }
      codes[n] = code;
      values[n] = value;
      n++;
    }
    if (n < codes.length) {
      codes = Arrays.copyOf(codes, n);
      values = Arrays.copyOf(values, n);
    }
    return new HistoryReading(
        t.deviceId(),
        t.buildingId(),
        t.floor(),
        t.zone(),
        t.ts().toEpochMilli(),
        codes,
        others,
        values);
  }

  /** For the rollup scopes, which do not need to know the device: less to serialize. */
  public HistoryReading withoutDevice() {
    return new HistoryReading(
        null, buildingId, floor, zone, tsMillis, metricCodes, otherMetrics, values);
  }

  public int metricCount() {
    return metricCodes.length;
  }

  /** The name of metric {@code i}; the contract's names are the same instance every time. */
  public String metric(int i) {
    byte code = metricCodes[i];
    return code >= 0 ? KNOWN[code] : otherMetrics[-code - 1];
  }

  public double value(int i) {
    return values[i];
  }

  /** The metric names in the reading's order. */
  public List<String> metrics() {
    String[] names = new String[metricCount()];
    for (int i = 0; i < names.length; i++) {
      names[i] = metric(i);
    }
    return List.of(names);
  }

  public Instant ts() {
    return Instant.ofEpochMilli(tsMillis);
  }
}
