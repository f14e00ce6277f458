package io.smartbuilding.analytics.history;

import io.smartbuilding.analytics.aws.ItemBuilder;
import io.smartbuilding.contracts.tables.MetricHistoryTable;
import java.time.Instant;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.dynamodb.sink.DynamoDbWriteRequest;
import org.apache.flink.connector.dynamodb.sink.DynamoDbWriteRequestType;

/** A {@link MetricBucket} as a whole-item put into the metric-history table. */
public class MetricBucketItemConverter
    implements ElementConverter<MetricBucket, DynamoDbWriteRequest> {

  @Override
  public DynamoDbWriteRequest apply(MetricBucket bucket, SinkWriter.Context context) {
    return DynamoDbWriteRequest.builder()
        .setType(DynamoDbWriteRequestType.PUT)
        .setItem(
            new ItemBuilder()
                .string(MetricHistoryTable.SERIES_ID, bucket.seriesId())
                .time(MetricHistoryTable.BUCKET_START, Instant.ofEpochMilli(bucket.bucketStartMillis()))
                .string(MetricHistoryTable.BUILDING_ID, bucket.buildingId())
                .string(MetricHistoryTable.METRIC, bucket.metric())
                .number(MetricHistoryTable.MIN, bucket.min())
                .number(MetricHistoryTable.MAX, bucket.max())
                .number(MetricHistoryTable.AVG, bucket.avg())
                .number(MetricHistoryTable.SUM, bucket.sum())
                .number(MetricHistoryTable.COUNT, bucket.count())
                .number(MetricHistoryTable.EXPIRES_AT, bucket.expiresAtEpochSeconds())
                .build())
        .build();
  }
}
