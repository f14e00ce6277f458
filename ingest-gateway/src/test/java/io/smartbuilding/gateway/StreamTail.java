package io.smartbuilding.gateway;

import static org.awaitility.Awaitility.await;

import io.smartbuilding.contracts.kinesis.AggregatedRecord;
import io.smartbuilding.contracts.telemetry.Telemetry;
import io.smartbuilding.contracts.telemetry.TelemetryCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** Reads a stream from the start (or from now), shard by shard, and de-aggregates what it finds (KPL format). */
final class StreamTail {

  /** One user record and the shard it was read from. */
  record Entry(String shardId, String partitionKey, byte[] data) {}

  private final KinesisClient kinesis;
  private final Map<String, String> iterators = new LinkedHashMap<>();

  StreamTail(KinesisClient kinesis, String stream) {
    this(kinesis, stream, ShardIteratorType.TRIM_HORIZON);
  }

  /** {@code LATEST} reads only what is written from now on. */
  StreamTail(KinesisClient kinesis, String stream, ShardIteratorType from) {
    this.kinesis = kinesis;
    for (Shard s : kinesis.listShards(b -> b.streamName(stream)).shards()) {
      iterators.put(s.shardId(), kinesis.getShardIterator(b -> b.streamName(stream)
          .shardId(s.shardId()).shardIteratorType(from)).shardIterator());
    }
  }

  int shards() {
    return iterators.size();
  }

  /** What was written since the last call (one GetRecords page per shard). */
  List<Entry> poll() {
    List<Entry> entries = new ArrayList<>();
    for (Map.Entry<String, String> it : iterators.entrySet()) {
      GetRecordsResponse page = kinesis.getRecords(b -> b.shardIterator(it.getValue()).limit(10_000));
      it.setValue(page.nextShardIterator());
      for (Record r : page.records()) {
        for (AggregatedRecord.UserRecord u :
            AggregatedRecord.decode(r.data().asByteArray(), r.partitionKey())) {
          entries.add(new Entry(it.getKey(), u.partitionKey(), u.data()));
        }
      }
    }
    return entries;
  }

  /**
   * Reads the stream from the start until {@code distinct} different telemetry messages were seen,
   * and returns how many copies of each {@code deviceId#seq} arrived (more than one is a duplicate,
   * which at-least-once delivery allows).
   */
  static Map<String, Integer> telemetryCopies(
      KinesisClient kinesis, String stream, int distinct, Duration timeout) {
    Map<String, Integer> copies = new HashMap<>();
    TelemetryCodec codec = new TelemetryCodec();
    StreamTail tail = new StreamTail(kinesis, stream);
    await().atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
      for (Entry e : tail.poll()) {
        Telemetry t = codec.decode(e.data());
        copies.merge(t.deviceId() + "#" + t.seq(), 1, Integer::sum);
      }
      return copies.size() >= distinct;
    });
    return copies;
  }
}
