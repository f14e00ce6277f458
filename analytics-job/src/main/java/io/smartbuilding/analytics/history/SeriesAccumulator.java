package io.smartbuilding.analytics.history;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * The window state of one key (a device, zone, floor or building) in one window: where it is, for
 * the series ids, and the stats of every metric its readings carried. One state entry per key and
 * window rather than one per metric keeps state access to one per reading.
 */
public class SeriesAccumulator {

  /** Spelled out so that Flink uses its POJO and map serializers instead of Kryo. */
  public static final TypeInformation<SeriesAccumulator> TYPE =
      Types.POJO(
          SeriesAccumulator.class,
          Map.of(
              "deviceId", Types.STRING,
              "buildingId", Types.STRING,
              "floor", Types.INT,
              "zone", Types.STRING,
              "metrics", Types.MAP(Types.STRING, Types.POJO(MetricStats.class))));

  public String deviceId;
  public String buildingId;
  public int floor;
  public String zone;
  public Map<String, MetricStats> metrics = new HashMap<>();

  public SeriesAccumulator() {}
}
