package io.smartbuilding.analytics.history;

import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * One item of the metric-history table: one metric of one series in one time bucket.
 *
 * @param bucketStartMillis window start, epoch milliseconds (the sort key, stored as StoredTime)
 * @param expiresAtEpochSeconds bucket end plus the scope's retention: DynamoDB's TTL attribute
 */
public record MetricBucket(
    String seriesId,
    long bucketStartMillis,
    String buildingId,
    String metric,
    double min,
    double max,
    double sum,
    long count,
    long expiresAtEpochSeconds) {

  public static final TypeInformation<MetricBucket> TYPE =
      Types.POJO(
          MetricBucket.class,
          Map.of(
              "seriesId", Types.STRING,
              "bucketStartMillis", Types.LONG,
              "buildingId", Types.STRING,
              "metric", Types.STRING,
              "min", Types.DOUBLE,
              "max", Types.DOUBLE,
              "sum", Types.DOUBLE,
              "count", Types.LONG,
              "expiresAtEpochSeconds", Types.LONG));

  public double avg() {
    return sum / count;
  }
}
