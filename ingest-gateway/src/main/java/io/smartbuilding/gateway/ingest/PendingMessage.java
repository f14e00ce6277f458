package io.smartbuilding.gateway.ingest;

/**
 * A valid telemetry message on its way to Kinesis. {@code acknowledgement} tells the broker it was
 * delivered; it runs only after Kinesis has stored the message, which is what makes the path
 * at-least-once.
 */
public record PendingMessage(String deviceId, byte[] payload, Acknowledgement acknowledgement) {

  /** Completes the MQTT QoS 1 handshake for one message. */
  @FunctionalInterface
  public interface Acknowledgement {
    void acknowledge();
  }
}
