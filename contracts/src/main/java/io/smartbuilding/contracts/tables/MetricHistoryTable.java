package io.smartbuilding.contracts.tables;

import java.time.Duration;

/**
 * Windowed aggregates of telemetry for charts, written by analytics-job and read by query-api. Key:
 * {@code seriesId} (partition) + {@code bucketStart} (sort, {@link StoredTime} of the window
 * start). One series per (scope, metric, resolution): per device per minute, per zone, floor and
 * building per five minutes. Items carry {@link #EXPIRES_AT} (epoch seconds) for DynamoDB TTL,
 * which is how the retention policy is enforced in AWS. See docs/contracts/dynamodb.md.
 */
public final class MetricHistoryTable {

  public static final String DEFAULT_NAME = "smartbuilding-metric-history";

  public static final String SERIES_ID = "seriesId";
  public static final String BUCKET_START = "bucketStart";
  public static final String BUILDING_ID = "buildingId";
  public static final String METRIC = "metric";
  public static final String MIN = "min";
  public static final String MAX = "max";
  public static final String AVG = "avg";
  public static final String SUM = "sum";
  public static final String COUNT = "count";
  /** N, epoch seconds: the TTL attribute. */
  public static final String EXPIRES_AT = "expiresAt";

  /** The two resolutions the job writes. */
  public enum Resolution {
    ONE_MINUTE("1m", Duration.ofMinutes(1)),
    FIVE_MINUTES("5m", Duration.ofMinutes(5));

    private final String wireValue;
    private final Duration width;

    Resolution(String wireValue, Duration width) {
      this.wireValue = wireValue;
      this.width = width;
    }

    public String wireValue() {
      return wireValue;
    }

    public Duration width() {
      return width;
    }
  }

  private MetricHistoryTable() {}

  /** {@code device#{deviceId}#{metric}#1m}. */
  public static String deviceSeries(String deviceId, String metric) {
    return "device#" + deviceId + "#" + metric + "#" + Resolution.ONE_MINUTE.wireValue();
  }

  /** {@code zone#{buildingId}#{floor}#{zone}#{metric}#5m}. */
  public static String zoneSeries(String buildingId, int floor, String zone, String metric) {
    return "zone#" + buildingId + "#" + floor + "#" + zone + "#" + metric + "#"
        + Resolution.FIVE_MINUTES.wireValue();
  }

  /** {@code floor#{buildingId}#{floor}#{metric}#5m}. */
  public static String floorSeries(String buildingId, int floor, String metric) {
    return "floor#" + buildingId + "#" + floor + "#" + metric + "#"
        + Resolution.FIVE_MINUTES.wireValue();
  }

  /** {@code building#{buildingId}#{metric}#5m}. */
  public static String buildingSeries(String buildingId, String metric) {
    return "building#" + buildingId + "#" + metric + "#" + Resolution.FIVE_MINUTES.wireValue();
  }
}
