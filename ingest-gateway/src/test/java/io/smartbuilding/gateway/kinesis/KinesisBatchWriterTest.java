package io.smartbuilding.gateway.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartbuilding.contracts.kinesis.AggregatedRecord;
import io.smartbuilding.gateway.ingest.PendingMessage;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KinesisBatchWriterTest {

  private static final KinesisBatchWriter.Settings SETTINGS = new KinesisBatchWriter.Settings(
      100, Duration.ofMillis(5), 50, 1_000_000, Duration.ofMillis(1), Duration.ofMillis(10));

  private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
  private final List<String> stored = Collections.synchronizedList(new ArrayList<>());
  private final NoMetrics metrics = new NoMetrics();
  private KinesisBatchWriter writer;

  @AfterEach
  void stop() throws InterruptedException {
    if (writer != null) {
      writer.stop(Duration.ofSeconds(2));
    }
  }

  @Test
  void retriesRefusedRecordsUntilStoredAndAcknowledgesOnlyThen() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    writer = new KinesisBatchWriter(new FakeSink() {
      @Override
      public List<Optional<String>> put(List<OutgoingRecord> records) {
        // The first three calls are throttled; a whole-call failure comes next; then it works.
        int call = calls.incrementAndGet();
        if (call == 4) {
          throw new IllegalStateException("connection reset");
        }
        List<Optional<String>> results = new ArrayList<>();
        for (OutgoingRecord r : records) {
          if (call <= 3) {
            results.add(Optional.of("ProvisionedThroughputExceededException"));
          } else {
            store(r);
            results.add(Optional.empty());
          }
        }
        return results;
      }
    }, SETTINGS, metrics);
    writer.start();

    for (int i = 0; i < 10; i++) {
      writer.submit(message("m" + i));
    }

    await().atMost(Duration.ofSeconds(10)).until(() -> acknowledged.size() == 10);
    assertThat(stored).containsExactlyInAnyOrderElementsOf(acknowledged);
    assertThat(calls.get()).isGreaterThanOrEqualTo(5);
    assertThat(metrics.retried.get()).isGreaterThan(0);
    assertThat(writer.failingFor()).isEqualTo(Duration.ZERO);
  }

  @Test
  void rewritesForTheNewShardsWhenKinesisStoredARecordInAnotherShard() throws Exception {
    BigInteger half = BigInteger.TWO.pow(127);
    ShardMap before = new ShardMap(List.of(
        new ShardMap.Shard("parent", BigInteger.ZERO, BigInteger.TWO.pow(128).subtract(BigInteger.ONE))));
    ShardMap after = new ShardMap(List.of(
        new ShardMap.Shard("child-0", BigInteger.ZERO, half.subtract(BigInteger.ONE)),
        new ShardMap.Shard("child-1", half, BigInteger.TWO.pow(128).subtract(BigInteger.ONE))));
    AtomicInteger listings = new AtomicInteger();
    Set<String> shardsWritten = ConcurrentHashMap.newKeySet();
    writer = new KinesisBatchWriter(new RecordSink() {
      @Override
      public List<Optional<String>> put(List<OutgoingRecord> records) {
        // The stream was split: an aggregate for "parent" lands in one child, which does not own
        // every key in it.
        List<Optional<String>> results = new ArrayList<>();
        for (OutgoingRecord r : records) {
          if (r.shardId().equals("parent")) {
            results.add(Optional.of(RecordSink.STALE_SHARD_MAP));
          } else {
            shardsWritten.add(r.shardId());
            store(r);
            results.add(Optional.empty());
          }
        }
        return results;
      }

      @Override
      public ShardMap shardMap() {
        return listings.getAndIncrement() == 0 ? before : after;
      }
    }, SETTINGS, metrics);
    writer.start();

    for (int i = 0; i < 20; i++) {
      writer.submit(message("m" + i));
    }

    await().atMost(Duration.ofSeconds(10)).until(() -> acknowledged.size() == 20);
    assertThat(listings.get()).isGreaterThanOrEqualTo(2);
    assertThat(shardsWritten).containsExactlyInAnyOrder("child-0", "child-1");
    assertThat(stored).containsExactlyInAnyOrderElementsOf(acknowledged);
  }

  @Test
  void acknowledgesNothingAndReportsFailureWhileKinesisIsDown() throws Exception {
    writer = new KinesisBatchWriter(new FakeSink() {
      @Override
      public List<Optional<String>> put(List<OutgoingRecord> records) {
        throw new IllegalStateException("unreachable");
      }
    }, SETTINGS, metrics);
    writer.start();

    writer.submit(message("m1"));

    await().atMost(Duration.ofSeconds(5)).until(() -> writer.failingFor().toMillis() > 100);
    assertThat(acknowledged).isEmpty();
  }

  @Test
  void blocksSubmittersWhenTheQueueIsFull() throws Exception {
    KinesisBatchWriter.Settings tiny = new KinesisBatchWriter.Settings(
        2, Duration.ofMillis(1), 1, 1_000_000, Duration.ofMillis(50), Duration.ofMillis(50));
    writer = new KinesisBatchWriter(new FakeSink() {
      @Override
      public List<Optional<String>> put(List<OutgoingRecord> records) {
        throw new IllegalStateException("down");
      }
    }, tiny, metrics);
    writer.start();

    Thread producer = new Thread(() -> {
      try {
        for (int i = 0; i < 10; i++) {
          writer.submit(message("m" + i));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    producer.start();

    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
        .until(() -> producer.isAlive() && writer.queued() == 2);
    producer.interrupt();
    producer.join();
  }

  private void store(OutgoingRecord r) {
    for (AggregatedRecord.UserRecord u : AggregatedRecord.decode(r.data(), "x")) {
      stored.add(new String(u.data(), StandardCharsets.UTF_8));
    }
  }

  private PendingMessage message(String body) {
    return new PendingMessage("dev-" + body, body.getBytes(StandardCharsets.UTF_8),
        () -> acknowledged.add(body));
  }

  private abstract static class FakeSink implements RecordSink {
    @Override
    public ShardMap shardMap() {
      return ShardMap.singleShard();
    }
  }

  private static final class NoMetrics implements WriterMetrics {
    final AtomicInteger retried = new AtomicInteger();

    @Override
    public void batch(int messages, int records) {}

    @Override
    public void forwarded(int messages) {}

    @Override
    public void recordRefused(String errorCode) {}

    @Override
    public void retried(int records) {
      retried.addAndGet(records);
    }
  }
}
