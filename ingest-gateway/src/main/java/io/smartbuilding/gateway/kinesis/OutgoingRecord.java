package io.smartbuilding.gateway.kinesis;

import io.smartbuilding.gateway.ingest.PendingMessage;
import java.util.List;

/**
 * One Kinesis record about to be written: a KPL aggregate of the messages of one shard
 * ({@code shardId} as the writer's shard map knew it). The explicit hash key pins it to that shard
 * whatever its partition key hashes to.
 */
public record OutgoingRecord(
    String partitionKey,
    String explicitHashKey,
    String shardId,
    byte[] data,
    List<PendingMessage> messages) {

  public int sizeBytes() {
    return data.length + partitionKey.length();
  }
}
