package io.smartbuilding.analytics.aws;

import io.smartbuilding.analytics.alert.Alert;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Holds the latest version of each alert since the last write (an alert that changed three times is
 * written once, in its latest version) and writes them one UpdateItem at a time, in the order the
 * alerts first arrived, each stamped with the time of the write as its updatedAt (the API's change
 * feed reads byBuildingUpdated). Throttling, 5xx and I/O errors are retried with backoff, for at
 * most {@link AlertTableSink.Backoff#maxTotal}; an error that persists, or any other error, fails
 * the job, which then restores from its last checkpoint and writes the same versions again.
 *
 * <p>Except a ValidationException: DynamoDB refuses that alert for what it holds, and would refuse
 * it again after every restore, so the job would crash-loop on it. That alert is logged, counted
 * ({@value #REJECTED_METRIC}) and skipped; the next version of it is tried as usual.
 */
final class AlertTableWriter implements SinkWriter<Alert> {

  static final String WRITES_METRIC = "alertWrites";
  static final String RETRIES_METRIC = "alertWriteRetries";
  static final String REJECTED_METRIC = "alertWritesRejected";

  private static final Logger LOG = LoggerFactory.getLogger(AlertTableWriter.class);

  private final DynamoDbClient client;
  private final String table;
  private final ProcessingTimeService time;
  private final long maxDelayMs;
  private final int maxBuffered;
  private final AlertTableSink.Backoff backoff;
  private final Counter writes;
  private final Counter retries;
  private final Counter rejected;
  private final Map<String, Alert> buffer = new LinkedHashMap<>();
  private boolean timerPending;

  AlertTableWriter(
      DynamoDbClient client,
      String table,
      ProcessingTimeService time,
      long maxDelayMs,
      int maxBuffered,
      AlertTableSink.Backoff backoff,
      MetricGroup metrics) {
    this.client = client;
    this.table = table;
    this.time = time;
    this.maxDelayMs = maxDelayMs;
    this.maxBuffered = maxBuffered;
    this.backoff = backoff;
    this.writes = metrics.counter(WRITES_METRIC);
    this.retries = metrics.counter(RETRIES_METRIC);
    this.rejected = metrics.counter(REJECTED_METRIC);
    metrics.gauge(ItemBuilder.SANITIZED_METRIC, ItemBuilder::sanitizedNumbers);
  }

  @Override
  public void write(Alert alert, Context context) throws IOException, InterruptedException {
    // put() keeps the position of the first version: a newer one replaces it in place
    buffer.put(alert.alertId(), alert);
    if (buffer.size() >= maxBuffered) {
      writeBuffered();
    } else if (!timerPending) {
      timerPending = true;
      time.registerTimer(
          time.getCurrentProcessingTime() + maxDelayMs,
          t -> {
            timerPending = false;
            writeBuffered();
          });
    }
  }

  @Override
  public void flush(boolean endOfInput) throws IOException, InterruptedException {
    writeBuffered();
  }

  private void writeBuffered() throws IOException, InterruptedException {
    if (buffer.isEmpty()) {
      return;
    }
    List<Alert> pending = new ArrayList<>(buffer.values());
    buffer.clear();
    for (Alert alert : pending) {
      update(alert);
    }
  }

  private void update(Alert alert) throws IOException, InterruptedException {
    long wait = backoff.firstWait().toMillis();
    long deadline = System.nanoTime() + backoff.maxTotal().toNanos();
    for (int attempt = 1; ; attempt++) {
      try {
        Instant writtenAt = Instant.ofEpochMilli(time.getCurrentProcessingTime());
        client.updateItem(AlertUpdate.of(table, alert, writtenAt));
        writes.inc();
        return;
      } catch (SdkServiceException | SdkClientException e) {
        if (isRejected(e)) {
          rejected.inc();
          LOG.error("DynamoDB rejects alert {}, skipped: {}", alert, e.getMessage());
          return;
        }
        boolean outOfTime = System.nanoTime() + wait * 1_000_000 > deadline;
        if (!isRetryable(e) || attempt >= backoff.attempts() || outOfTime) {
          throw new IOException(
              "cannot write alert "
                  + alert.alertId()
                  + " to "
                  + table
                  + " (attempt "
                  + attempt
                  + "): "
                  + e.getMessage(),
              e);
        }
        retries.inc();
        LOG.warn("Retrying alert {} in {} ms: {}", alert.alertId(), wait, e.toString());
        Thread.sleep(wait);
        wait = Math.min(wait * 2, backoff.maxWait().toMillis());
      }
    }
  }

  /** A request DynamoDB refuses for its content: it would be refused again, however often. */
  static boolean isRejected(RuntimeException e) {
    return e instanceof AwsServiceException aws
        && aws.statusCode() >= 400
        && aws.statusCode() < 500
        && aws.awsErrorDetails() != null
        && "ValidationException".equals(aws.awsErrorDetails().errorCode());
  }

  static boolean isRetryable(RuntimeException e) {
    if (e instanceof SdkServiceException service) {
      return service.isThrottlingException() || service.statusCode() >= 500;
    }
    return e instanceof SdkClientException client && client.retryable()
        || e.getCause() instanceof IOException;
  }

  @Override
  public void close() {
    client.close();
  }
}
