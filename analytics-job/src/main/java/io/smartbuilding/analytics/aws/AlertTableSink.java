package io.smartbuilding.analytics.aws;

import io.smartbuilding.analytics.alert.Alert;
import java.time.Duration;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.MetricGroup;

/**
 * Writes alerts to the alerts table with UpdateItem ({@link AlertUpdate}), never a whole-item put,
 * so what people did through the API survives the job's next write.
 *
 * <p>Exactly-once effect: Flink calls {@link SinkWriter#flush} before every checkpoint, and the
 * writer then writes everything it holds, so a checkpoint never covers an alert that is not in the
 * table; after a restore the job writes the same versions again, which changes nothing (the ids and
 * contents come from event time). Between checkpoints it writes at the latest {@code maxDelay}
 * after an alert arrives, or when {@code maxBuffered} alerts wait.
 */
public final class AlertTableSink implements Sink<Alert> {

  static final Duration MAX_DELAY = Duration.ofMillis(500);
  static final int MAX_BUFFERED = 200;

  private final DynamoDbClientFactory clients;
  private final String table;
  private final Duration maxDelay;
  private final int maxBuffered;
  private final Backoff backoff;

  public AlertTableSink(DynamoDbClientFactory clients, String table) {
    this(clients, table, MAX_DELAY, MAX_BUFFERED, Backoff.DEFAULT);
  }

  AlertTableSink(
      DynamoDbClientFactory clients,
      String table,
      Duration maxDelay,
      int maxBuffered,
      Backoff backoff) {
    this.clients = clients;
    this.table = table;
    this.maxDelay = maxDelay;
    this.maxBuffered = maxBuffered;
    this.backoff = backoff;
  }

  @Override
  public SinkWriter<Alert> createWriter(WriterInitContext context) {
    return writer(context.getProcessingTimeService(), context.metricGroup());
  }

  @Override
  @Deprecated
  public SinkWriter<Alert> createWriter(InitContext context) {
    return writer(context.getProcessingTimeService(), context.metricGroup());
  }

  private AlertTableWriter writer(ProcessingTimeService time, MetricGroup metrics) {
    return new AlertTableWriter(
        clients.create(), table, time, maxDelay.toMillis(), maxBuffered, backoff, metrics);
  }

  /**
   * Retries of throttled or failed (5xx, I/O) writes: {@code attempts} tries in all, waits doubling
   * from {@code firstWait} up to {@code maxWait}, and no retry once {@code maxTotal} has passed
   * since the first try of an alert (SDK retries and timeouts included). The retries block the
   * sink's task thread, and a checkpoint waits for them (flush), so {@code maxTotal} stays well
   * below the checkpoint timeout: after it the job fails and restores, instead of the checkpoint
   * timing out while the writer still sleeps.
   */
  public record Backoff(int attempts, Duration firstWait, Duration maxWait, Duration maxTotal)
      implements java.io.Serializable {
    public static final Duration DEFAULT_MAX_TOTAL = Duration.ofSeconds(60);
    public static final Backoff DEFAULT =
        new Backoff(10, Duration.ofMillis(50), Duration.ofSeconds(5), DEFAULT_MAX_TOTAL);

    public Backoff(int attempts, Duration firstWait, Duration maxWait) {
      this(attempts, firstWait, maxWait, DEFAULT_MAX_TOTAL);
    }
  }
}
