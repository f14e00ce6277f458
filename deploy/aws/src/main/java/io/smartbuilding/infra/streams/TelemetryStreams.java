package io.smartbuilding.infra.streams;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kinesis.Stream;
import software.amazon.awscdk.services.kinesis.StreamEncryption;
import software.amazon.awscdk.services.kinesis.StreamMode;
import software.constructs.Construct;

/**
 * The telemetry stream (gateway to analytics-job) and the gateway's dead-letter stream, with the
 * names the services use by default (ingest-gateway {@code gateway.kinesis.stream} and {@code
 * gateway.dead-letter.stream}, analytics-job {@code kinesis.stream}).
 *
 * <p>Encrypted with the AWS managed key {@code alias/aws/kinesis}: no key to administer, and
 * producers and consumers need no KMS permissions for it (they would for a customer managed key).
 * Removed with the stack: a stream only buffers 24 h of data that DynamoDB and the archive already
 * hold, and a retained one would keep billing shard-hours.
 */
public final class TelemetryStreams extends Construct {

  public static final String TELEMETRY_STREAM = "smartbuilding-telemetry";
  public static final String DEAD_LETTER_STREAM = "smartbuilding-telemetry-dlq";

  private final Stream telemetry;
  private final Stream deadLetters;

  public TelemetryStreams(Construct scope, String id, int telemetryShards, int deadLetterShards) {
    super(scope, id);
    telemetry = stream("Telemetry", TELEMETRY_STREAM, telemetryShards);
    deadLetters = stream("DeadLetters", DEAD_LETTER_STREAM, deadLetterShards);
  }

  private Stream stream(String id, String name, int shards) {
    return Stream.Builder.create(this, id)
        .streamName(name)
        .streamMode(StreamMode.PROVISIONED)
        .shardCount(shards)
        .retentionPeriod(Duration.hours(24))
        .encryption(StreamEncryption.MANAGED)
        .removalPolicy(RemovalPolicy.DESTROY)
        .build();
  }

  public Stream telemetry() {
    return telemetry;
  }

  public Stream deadLetters() {
    return deadLetters;
  }
}
