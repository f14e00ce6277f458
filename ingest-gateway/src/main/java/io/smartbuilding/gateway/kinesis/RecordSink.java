package io.smartbuilding.gateway.kinesis;

import java.util.List;
import java.util.Optional;

/** Where aggregated records go: Kinesis in production, a fake in unit tests. */
public interface RecordSink {

  /**
   * The error code of a record Kinesis stored in another shard than the one it was aggregated
   * for: the shards changed (resharding). Consumers such as the KCL drop the user records of an
   * aggregate whose keys hash outside the shard it is in, so the writer must list the shards
   * again and write those messages once more, aggregated for the new shards.
   */
  String STALE_SHARD_MAP = "StaleShardMap";

  /**
   * Writes up to 500 records in one call. Returns, per record and in order, empty when stored or the
   * error code when that record must be retried. Throws when the whole call failed.
   */
  List<Optional<String>> put(List<OutgoingRecord> records);

  /** The stream's open shards, to aggregate per shard. */
  ShardMap shardMap();
}
