package io.smartbuilding.analytics.aws;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.flink.streaming.connectors.kinesis.config.ConsumerConfigConstants.InitialPosition;

/**
 * The telemetry stream the job reads.
 *
 * @param initialTimestamp where to start when {@code initialPosition} is AT_TIMESTAMP
 * @param pollInterval pause between two GetRecords calls on one shard (polling only)
 * @param consumer polling (GetRecords, shares the shard's 2 MB/s with every other reader) or
 *     enhanced fan-out (SubscribeToShard, its own 2 MB/s per shard and records pushed as they
 *     arrive)
 * @param efoConsumerName the stream consumer the job registers for enhanced fan-out; one name per
 *     application reading the stream
 */
public record KinesisSettings(
    String stream,
    AwsEndpoint aws,
    InitialPosition initialPosition,
    Optional<Instant> initialTimestamp,
    Duration pollInterval,
    Consumer consumer,
    String efoConsumerName) {

  public static final String DEFAULT_EFO_CONSUMER_NAME = "smartbuilding-analytics";

  /** How the job reads the shards. */
  public enum Consumer {
    POLLING,
    EFO
  }

  public KinesisSettings {
    if (initialPosition == InitialPosition.AT_TIMESTAMP && initialTimestamp.isEmpty()) {
      throw new IllegalArgumentException("initial position AT_TIMESTAMP needs a timestamp");
    }
    if (efoConsumerName == null || efoConsumerName.isBlank()) {
      throw new IllegalArgumentException("the enhanced fan-out consumer name must not be blank");
    }
  }
}
