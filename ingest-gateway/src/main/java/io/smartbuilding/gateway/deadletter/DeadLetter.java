package io.smartbuilding.gateway.deadletter;

import io.smartbuilding.contracts.telemetry.RejectReason;
import java.time.Instant;

/**
 * A message the gateway refused, kept so an operator can see what a device really sent and why it
 * was refused. The payload is the raw MQTT payload: it may be anything, including binary.
 */
public record DeadLetter(
    RejectReason reason, String detail, String topic, Instant receivedAt, byte[] payload) {

  /** Kinesis allows partition keys of 1 to 256 Unicode characters; MQTT topics may be longer. */
  static final int MAX_PARTITION_KEY_CHARS = 256;

  /** The topic, cut to what Kinesis accepts as a partition key. */
  public String partitionKey() {
    if (topic.isEmpty()) {
      return "?";
    }
    if (topic.codePointCount(0, topic.length()) <= MAX_PARTITION_KEY_CHARS) {
      return topic;
    }
    return topic.substring(0, topic.offsetByCodePoints(0, MAX_PARTITION_KEY_CHARS));
  }
}
