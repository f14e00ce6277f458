package io.smartbuilding.gateway.kinesis;

import io.smartbuilding.contracts.kinesis.AggregatedRecord;
import io.smartbuilding.contracts.kinesis.AggregatedRecord.UserRecord;
import io.smartbuilding.gateway.ingest.PendingMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Packs telemetry messages into as few Kinesis records as the limits allow: one KPL aggregate per
 * shard, split when it would pass {@code maxRecordBytes}. Arrival order is kept within each shard,
 * so the messages of each partition key (a device, or a topic for dead letters) stay in order.
 */
public final class RecordAggregator {

  private final int maxRecordBytes;

  public RecordAggregator(int maxRecordBytes) {
    this.maxRecordBytes = maxRecordBytes;
  }

  public List<OutgoingRecord> aggregate(List<PendingMessage> messages, ShardMap shards) {
    Map<ShardMap.Shard, List<PendingMessage>> byShard = new LinkedHashMap<>();
    for (PendingMessage m : messages) {
      byShard.computeIfAbsent(shards.shardFor(m.partitionKey()), s -> new ArrayList<>()).add(m);
    }
    List<OutgoingRecord> records = new ArrayList<>();
    for (Map.Entry<ShardMap.Shard, List<PendingMessage>> shard : byShard.entrySet()) {
      String explicitHashKey = shard.getKey().startingHashKey().toString();
      String shardId = shard.getKey().shardId();
      List<PendingMessage> current = new ArrayList<>();
      int size = AggregatedRecord.overheadBytes();
      for (PendingMessage m : shard.getValue()) {
        int added = AggregatedRecord.encodedSizeUpperBound(m.partitionKey(), m.payload().length);
        if (!current.isEmpty() && size + added > maxRecordBytes) {
          records.add(toRecord(current, explicitHashKey, shardId));
          current = new ArrayList<>();
          size = AggregatedRecord.overheadBytes();
        }
        current.add(m);
        size += added;
      }
      records.add(toRecord(current, explicitHashKey, shardId));
    }
    return records;
  }

  private static OutgoingRecord toRecord(
      List<PendingMessage> messages, String explicitHashKey, String shardId) {
    List<UserRecord> users = new ArrayList<>(messages.size());
    for (PendingMessage m : messages) {
      users.add(new UserRecord(m.partitionKey(), m.payload()));
    }
    return new OutgoingRecord(
        messages.get(0).partitionKey(),
        explicitHashKey,
        shardId,
        AggregatedRecord.encode(users),
        List.copyOf(messages));
  }
}
