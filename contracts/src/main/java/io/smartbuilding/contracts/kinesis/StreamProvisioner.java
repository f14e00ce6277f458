package io.smartbuilding.contracts.kinesis;

import java.time.Duration;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * Creates a Kinesis stream where it is missing and waits until it is ACTIVE. For local stacks and
 * tests only: in AWS the streams come from the infrastructure code.
 */
public final class StreamProvisioner {

  private final KinesisClient kinesis;

  public StreamProvisioner(KinesisClient kinesis) {
    this.kinesis = kinesis;
  }

  public void createIfMissing(String stream, int shards) {
    try {
      kinesis.createStream(b -> b.streamName(stream).shardCount(shards));
    } catch (ResourceInUseException alreadyThere) {
      // idempotent: a second start finds the stream it created before
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (kinesis
            .describeStreamSummary(b -> b.streamName(stream))
            .streamDescriptionSummary()
            .streamStatus()
        != StreamStatus.ACTIVE) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("stream " + stream + " did not become ACTIVE in 60 s");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for stream " + stream, e);
      }
    }
  }
}
