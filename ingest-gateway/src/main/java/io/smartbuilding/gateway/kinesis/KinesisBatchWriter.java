package io.smartbuilding.gateway.kinesis;

import io.smartbuilding.gateway.ingest.PendingMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Moves valid messages from MQTT to Kinesis on one thread: waits up to {@code linger} to fill a
 * batch, aggregates it per shard, writes it with PutRecords and retries the records Kinesis refused
 * with exponential backoff and jitter, forever, until each is stored. Only then is a message
 * acknowledged to the broker. The queue is bounded, so a slow Kinesis slows MQTT intake down instead
 * of filling the heap.
 */
public final class KinesisBatchWriter {

  /** Kinesis PutRecords limits per call. */
  static final int MAX_RECORDS_PER_CALL = 500;

  static final int MAX_BYTES_PER_CALL = 5 * 1024 * 1024;

  private static final Logger LOG = Logger.getLogger(KinesisBatchWriter.class);
  private static final Duration SHARD_MAP_REFRESH = Duration.ofSeconds(60);
  private static final Duration FAILURE_LOG_INTERVAL = Duration.ofSeconds(10);

  /** Settings of the write loop. */
  public record Settings(
      int queueCapacity,
      Duration linger,
      int maxMessages,
      int maxRecordBytes,
      Duration initialBackoff,
      Duration maxBackoff) {}

  private final RecordSink sink;
  private final RecordAggregator aggregator;
  private final Settings settings;
  private final WriterMetrics metrics;
  private final BlockingQueue<PendingMessage> queue;
  private final Thread thread;

  private volatile boolean running = true;
  private volatile long failingSinceNanos = 0; // 0 = healthy
  private volatile long shutdownDeadlineNanos = Long.MAX_VALUE;
  private ShardMap shardMap = ShardMap.singleShard();
  private long shardMapAgeNanos = Long.MIN_VALUE;
  private boolean shardMapStale = false;
  private long lastFailureLogNanos = System.nanoTime() - FAILURE_LOG_INTERVAL.toNanos() - 1;

  public KinesisBatchWriter(RecordSink sink, Settings settings, WriterMetrics metrics) {
    this("kinesis-batch-writer", sink, settings, metrics);
  }

  /** {@code name} names the thread, so the telemetry and dead-letter writers differ in dumps. */
  public KinesisBatchWriter(String name, RecordSink sink, Settings settings, WriterMetrics metrics) {
    this.sink = sink;
    this.settings = settings;
    this.metrics = metrics;
    this.aggregator = new RecordAggregator(settings.maxRecordBytes());
    this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    this.thread = new Thread(this::run, name);
  }

  public void start() {
    thread.start();
  }

  /** Queues a message; blocks while the queue is full, which is the backpressure on MQTT. */
  public void submit(PendingMessage message) throws InterruptedException {
    queue.put(message);
  }

  public int queued() {
    return queue.size();
  }

  public boolean isAlive() {
    return thread.isAlive();
  }

  /** How long Kinesis has refused writes, or zero while they succeed. */
  public Duration failingFor() {
    long since = failingSinceNanos;
    return since == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - since);
  }

  /**
   * Stops after writing what is queued, or at the deadline. Messages not written by then were never
   * acknowledged, so the broker delivers them again: nothing is lost either way.
   */
  public void stop(Duration grace) throws InterruptedException {
    shutdownDeadlineNanos = System.nanoTime() + grace.toNanos();
    running = false;
    thread.join(grace.toMillis() + 1000);
  }

  private void run() {
    List<PendingMessage> batch = new ArrayList<>(settings.maxMessages());
    while (running || !queue.isEmpty()) {
      try {
        if (System.nanoTime() > shutdownDeadlineNanos) {
          LOG.warnf("shutdown grace over; %d queued messages stay unacknowledged", queue.size());
          return;
        }
        PendingMessage first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        fill(batch);
        write(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // A bug must not stop ingestion; the batch was not acknowledged and will be redelivered.
        LOG.error("unexpected failure in the Kinesis writer; batch left unacknowledged", e);
      } finally {
        batch.clear();
      }
    }
  }

  private void fill(List<PendingMessage> batch) throws InterruptedException {
    long deadline = System.nanoTime() + settings.linger().toNanos();
    while (batch.size() < settings.maxMessages()) {
      queue.drainTo(batch, settings.maxMessages() - batch.size());
      long left = deadline - System.nanoTime();
      if (batch.size() >= settings.maxMessages() || left <= 0) {
        return;
      }
      PendingMessage next = queue.poll(left, TimeUnit.NANOSECONDS);
      if (next == null) {
        return;
      }
      batch.add(next);
    }
  }

  private void write(List<PendingMessage> batch) throws InterruptedException {
    List<OutgoingRecord> pending = aggregator.aggregate(batch, currentShardMap());
    metrics.batch(batch.size(), pending.size());
    int attempt = 0;
    while (!pending.isEmpty()) {
      List<OutgoingRecord> failed = new ArrayList<>();
      for (List<OutgoingRecord> call : calls(pending)) {
        failed.addAll(putOnce(call));
      }
      if (failed.isEmpty()) {
        failingSinceNanos = 0;
        return;
      }
      if (failingSinceNanos == 0) {
        failingSinceNanos = System.nanoTime();
      }
      metrics.retried(failed.size());
      if (System.nanoTime() > shutdownDeadlineNanos) {
        LOG.warnf("shutting down with %d records unwritten; the broker will redeliver them", failed.size());
        return;
      }
      Thread.sleep(backoff(attempt++).toMillis());
      // Re-aggregated for the current shards: after a resharding the old aggregates would land in a
      // shard that does not own all their keys.
      List<PendingMessage> messages = new ArrayList<>();
      failed.forEach(r -> messages.addAll(r.messages()));
      pending = aggregator.aggregate(messages, currentShardMap());
    }
  }

  /** Writes one PutRecords call, acknowledges what was stored, returns what must be retried. */
  private List<OutgoingRecord> putOnce(List<OutgoingRecord> call) {
    List<Optional<String>> results;
    try {
      results = sink.put(call);
    } catch (RuntimeException e) {
      logFailure("PutRecords of %d records failed: %s", call.size(), e.toString());
      return call;
    }
    List<OutgoingRecord> failed = new ArrayList<>();
    for (int i = 0; i < call.size(); i++) {
      OutgoingRecord record = call.get(i);
      Optional<String> error = i < results.size() ? results.get(i) : Optional.of("MissingResult");
      if (error.isPresent()) {
        failed.add(record);
        metrics.recordRefused(error.get());
        if (RecordSink.STALE_SHARD_MAP.equals(error.get()) && !shardMapStale) {
          shardMapStale = true;
          LOG.warnf("record for shard %s was stored elsewhere: shards changed, listing them again",
              record.shardId());
        }
      } else {
        for (PendingMessage m : record.messages()) {
          m.acknowledgement().acknowledge();
        }
        metrics.forwarded(record.messages().size());
      }
    }
    return failed;
  }

  /** During an outage every call fails; one line per interval says so without flooding the log. */
  private void logFailure(String format, Object a, Object b) {
    long now = System.nanoTime();
    if (now - lastFailureLogNanos > FAILURE_LOG_INTERVAL.toNanos()) {
      lastFailureLogNanos = now;
      LOG.warnf(format, a, b);
    }
  }

  private static List<List<OutgoingRecord>> calls(List<OutgoingRecord> records) {
    List<List<OutgoingRecord>> calls = new ArrayList<>();
    List<OutgoingRecord> current = new ArrayList<>();
    long bytes = 0;
    for (OutgoingRecord r : records) {
      if (!current.isEmpty()
          && (current.size() == MAX_RECORDS_PER_CALL || bytes + r.sizeBytes() > MAX_BYTES_PER_CALL)) {
        calls.add(current);
        current = new ArrayList<>();
        bytes = 0;
      }
      current.add(r);
      bytes += r.sizeBytes();
    }
    calls.add(current);
    return calls;
  }

  /** Exponential backoff with "equal jitter": half fixed, half random, capped. */
  Duration backoff(int attempt) {
    long base = settings.initialBackoff().toMillis() << Math.min(attempt, 20);
    long capped = Math.min(base, settings.maxBackoff().toMillis());
    long half = Math.max(1, capped / 2);
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
  }

  private ShardMap currentShardMap() {
    long now = System.nanoTime();
    if (shardMapStale
        || shardMapAgeNanos == Long.MIN_VALUE
        || now - shardMapAgeNanos > SHARD_MAP_REFRESH.toNanos()) {
      try {
        shardMap = sink.shardMap();
        shardMapStale = false;
      } catch (RuntimeException e) {
        LOG.warnf("could not list shards, keeping the previous shard map: %s", e.toString());
      }
      shardMapAgeNanos = now;
    }
    return shardMap;
  }
}
