package io.smartbuilding.analytics.aws;

import java.util.List;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.dynamodb.sink.DynamoDbSink;
import org.apache.flink.connector.dynamodb.sink.DynamoDbWriteRequest;

/**
 * Sinks that put whole items into one table. Every item has a deterministic key, so writing it
 * again (after a restart or a replay) leaves the table as it was: the sinks are idempotent.
 */
public final class DynamoDbSinks {

  /** Short, so the demo shows changes within a second; checkpoints flush in any case. */
  static final long MAX_TIME_IN_BUFFER_MS = 500;

  /**
   * One batch in flight per sink writer. With several, two versions of one item (a device's health,
   * an alert going from open to resolved) can land in the wrong order and the older one stays:
   * FailureRecoveryIT saw exactly that when a whole stream was read at once.
   */
  static final int MAX_IN_FLIGHT_REQUESTS = 1;

  private DynamoDbSinks() {}

  /**
   * @param keyAttribute the table's partition key: within one batch a newer write of the same key
   *     replaces the older one, since BatchWriteItem refuses two writes of one key
   */
  public static <T> DynamoDbSink<T> forTable(
      AwsEndpoint aws,
      String table,
      String keyAttribute,
      ElementConverter<T, DynamoDbWriteRequest> converter) {
    return DynamoDbSink.<T>builder()
        .setTableName(table)
        .setElementConverter(converter)
        .setOverwriteByPartitionKeys(List.of(keyAttribute))
        .setDynamoDbProperties(aws.connectorProperties())
        .setMaxTimeInBufferMS(MAX_TIME_IN_BUFFER_MS)
        .setMaxInFlightRequests(MAX_IN_FLIGHT_REQUESTS)
        .build();
  }
}
