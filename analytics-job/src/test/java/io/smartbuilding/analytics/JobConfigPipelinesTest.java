package io.smartbuilding.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartbuilding.analytics.archive.ArchiveSettings;
import io.smartbuilding.analytics.aws.KinesisSettings;
import io.smartbuilding.analytics.history.EventTimeSettings;
import io.smartbuilding.analytics.history.HistorySettings;
import java.time.Duration;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.junit.jupiter.api.Test;

/** The keys for event time, history, the archive, the Kinesis consumer and the state backend. */
class JobConfigPipelinesTest {

  @Test
  void defaults() {
    JobConfig config = JobConfig.fromArgs();

    assertThat(config.events()).isEqualTo(EventTimeSettings.defaults());
    assertThat(config.history()).isEqualTo(HistorySettings.defaults());
    assertThat(config.archive()).isEmpty();
    assertThat(config.stateBackend()).isEmpty();
    assertThat(config.kinesis().consumer()).isEqualTo(KinesisSettings.Consumer.POLLING);
    assertThat(config.kinesis().efoConsumerName())
        .isEqualTo(KinesisSettings.DEFAULT_EFO_CONSUMER_NAME);
  }

  @Test
  void everyKeyIsRead() {
    JobConfig config =
        JobConfig.fromArgs(
            "--events.max-out-of-orderness-seconds", "2",
            "--events.idle-timeout-seconds", "0",
            "--history.allowed-lateness-seconds", "30",
            "--history.retention-days.device", "3",
            "--history.retention-days.rollups", "400",
            "--archive.path", "file:///tmp/archive",
            "--state.backend", "RocksDB",
            "--kinesis.consumer", "EFO",
            "--kinesis.efo.consumer-name", "analytics-blue");

    assertThat(config.events())
        .isEqualTo(new EventTimeSettings(Duration.ofSeconds(2), Optional.empty()));
    assertThat(config.history())
        .isEqualTo(
            new HistorySettings(Duration.ofSeconds(30), Duration.ofDays(3), Duration.ofDays(400)));
    assertThat(config.archive()).contains(new ArchiveSettings("file:///tmp/archive"));
    assertThat(config.stateBackend()).contains(StateBackendChoice.ROCKSDB);
    assertThat(config.kinesis().consumer()).isEqualTo(KinesisSettings.Consumer.EFO);
    assertThat(config.kinesis().efoConsumerName()).isEqualTo("analytics-blue");
  }

  @Test
  void theStateBackendGoesIntoTheFlinkConfiguration() {
    Configuration flink = StateBackendChoice.ROCKSDB.applyTo(new Configuration());
    assertThat(flink.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("rocksdb");
  }

  @Test
  void badValuesAreClearErrors() {
    assertThatThrownBy(() -> JobConfig.fromArgs("--state.backend", "memory"))
        .hasMessageContaining("state.backend must be one of [hashmap, rocksdb]");
    assertThatThrownBy(() -> JobConfig.fromArgs("--kinesis.consumer", "push"))
        .hasMessageContaining("kinesis.consumer must be one of [polling, efo]");
    assertThatThrownBy(() -> JobConfig.fromArgs("--history.retention-days.device", "0"))
        .hasMessageContaining("history.retention-days.device must be positive");
    assertThatThrownBy(() -> JobConfig.fromArgs("--events.max-out-of-orderness-seconds", "-1"))
        .hasMessageContaining("events.max-out-of-orderness-seconds must be >= 0");
  }
}
