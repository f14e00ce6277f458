package io.smartbuilding.analytics.aws;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.flink.streaming.connectors.kinesis.config.ConsumerConfigConstants.InitialPosition;

/**
 * The telemetry stream the job reads.
 *
 * @param initialTimestamp where to start when {@code initialPosition} is AT_TIMESTAMP
 * @param pollInterval pause between two GetRecords calls on one shard
 */
public record KinesisSettings(
    String stream,
    AwsEndpoint aws,
    InitialPosition initialPosition,
    Optional<Instant> initialTimestamp,
    Duration pollInterval) {

  public KinesisSettings {
    if (initialPosition == InitialPosition.AT_TIMESTAMP && initialTimestamp.isEmpty()) {
      throw new IllegalArgumentException("initial position AT_TIMESTAMP needs a timestamp");
    }
  }
}
