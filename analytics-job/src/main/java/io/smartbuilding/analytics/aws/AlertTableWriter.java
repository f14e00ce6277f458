package io.smartbuilding.analytics.aws;

import io.smartbuilding.analytics.alert.Alert;
import java.io.IOException;
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
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Holds the latest version of each alert since the last write (an alert that changed three times is
 * written once, in its latest version) and writes them one UpdateItem at a time, in the order the
 * alerts first arrived. Throttling, 5xx and I/O errors are retried with backoff; an error that
 * persists, or any other error, fails the job, which then restores from its last checkpoint and
 * writes the same versions again.
 */
final class AlertTableWriter implements SinkWriter<Alert> {

  static final String WRITES_METRIC = "alertWrites";
  static final String RETRIES_METRIC = "alertWriteRetries";

  private static final Logger LOG = LoggerFactory.getLogger(AlertTableWriter.class);

  private final DynamoDbClient client;
  private final String table;
  private final ProcessingTimeService time;
  private final long maxDelayMs;
  private final int maxBuffered;
  private final AlertTableSink.Backoff backoff;
  private final Counter writes;
  private final Counter retries;
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
    for (int attempt = 1; ; attempt++) {
      try {
        client.updateItem(AlertUpdate.of(table, alert));
        writes.inc();
        return;
      } catch (SdkServiceException | SdkClientException e) {
        if (!isRetryable(e) || attempt >= backoff.attempts()) {
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
