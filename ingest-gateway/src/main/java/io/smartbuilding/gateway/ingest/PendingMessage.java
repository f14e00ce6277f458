package io.smartbuilding.gateway.ingest;

/**
 * A message on its way to Kinesis: a valid telemetry payload (partition key = deviceId) or a dead
 * letter (partition key = topic). {@code acknowledgement} tells the broker it was delivered; it runs
 * only after Kinesis has stored the message, which is what makes the path at-least-once.
 */
public record PendingMessage(String partitionKey, byte[] payload, Acknowledgement acknowledgement) {

  /** Completes the MQTT QoS 1 handshake for one message. */
  @FunctionalInterface
  public interface Acknowledgement {
    void acknowledge();
  }
}
