package io.smartbuilding.gateway.kinesis;

import java.util.List;
import java.util.Optional;

/** Where aggregated records go: Kinesis in production, a fake in unit tests. */
public interface RecordSink {

  /**
   * Writes up to 500 records in one call. Returns, per record and in order, empty when stored or the
   * error code when that record must be retried. Throws when the whole call failed.
   */
  List<Optional<String>> put(List<OutgoingRecord> records);

  /** The stream's open shards, to aggregate per shard. */
  ShardMap shardMap();
}
