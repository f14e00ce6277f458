package io.smartbuilding.analytics;

import java.util.Locale;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;

/**
 * Where keyed state lives. HASHMAP keeps it as objects on the heap (fastest, bounded by memory);
 * ROCKSDB keeps it serialized on local disk (state larger than memory, incremental checkpoints),
 * at the cost of a serialization per state access. The cluster's setting applies when the job
 * sets none.
 */
public enum StateBackendChoice {
  HASHMAP,
  ROCKSDB;

  /**
   * Sets {@code state.backend.type} in the job's Flink configuration, and for ROCKSDB {@code
   * execution.checkpointing.incremental}: a checkpoint then uploads only the files RocksDB wrote
   * since the last one, not the whole state.
   */
  public Configuration applyTo(Configuration flinkConfig) {
    flinkConfig.set(StateBackendOptions.STATE_BACKEND, name().toLowerCase(Locale.ROOT));
    if (this == ROCKSDB) {
      flinkConfig.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
    }
    return flinkConfig;
  }
}
