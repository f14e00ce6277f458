package io.smartbuilding.analytics.history;

import io.smartbuilding.analytics.aws.AwsEndpoint;
import io.smartbuilding.contracts.tables.MetricHistoryTable;
import java.util.List;
import org.apache.flink.connector.dynamodb.sink.DynamoDbSink;

/**
 * The metric-history table as a sink. Items are keyed by series and bucket start, so a replay or a
 * restore from a checkpoint puts the same items again, and a window that fires again for a late
 * reading overwrites its bucket with the new totals.
 */
public final class HistorySink {

  /** Buckets are written when windows close, not per reading: a short buffer is enough. */
  static final long MAX_TIME_IN_BUFFER_MS = 500;

  /**
   * One batch in flight, as for the other tables (see DynamoDbSinks): the on-time and the late
   * version of one bucket must not land in the wrong order.
   */
  static final int MAX_IN_FLIGHT_REQUESTS = 1;

  private HistorySink() {}

  public static DynamoDbSink<MetricBucket> create(AwsEndpoint aws, String table) {
    return DynamoDbSink.<MetricBucket>builder()
        .setTableName(table)
        .setElementConverter(new MetricBucketItemConverter())
        // a batch may hold only one write per key: the newer version of a bucket wins
        .setOverwriteByPartitionKeys(
            List.of(MetricHistoryTable.SERIES_ID, MetricHistoryTable.BUCKET_START))
        .setDynamoDbProperties(aws.connectorProperties())
        .setMaxTimeInBufferMS(MAX_TIME_IN_BUFFER_MS)
        .setMaxInFlightRequests(MAX_IN_FLIGHT_REQUESTS)
        .build();
  }
}
