package io.smartbuilding.simulator.fault;

import io.smartbuilding.contracts.telemetry.RejectReason;
import io.smartbuilding.contracts.telemetry.Telemetry;
import io.smartbuilding.contracts.telemetry.TelemetryCodec;
import io.smartbuilding.contracts.telemetry.TelemetryTopic;
import io.smartbuilding.simulator.mqtt.TelemetryMessage;
import java.nio.charset.StandardCharsets;

/**
 * Messages that break the telemetry contract in one precise way each, one per {@link
 * RejectReason}, so a test can compare what was sent with what the gateway rejected and why.
 * They start from a valid reading and spoil it, so everything else about them is right.
 */
public final class MalformedPayloads {

  private static final TelemetryCodec CODEC = new TelemetryCodec();

  private MalformedPayloads() {}

  public static TelemetryMessage of(RejectReason reason, Telemetry reading) {
    String topic = TelemetryTopic.of(reading.buildingId(), reading.deviceId());
    String json = new String(CODEC.encode(reading), StandardCharsets.UTF_8);
    return switch (reason) {
      case OVERSIZED ->
          message(topic, json.replace("\"zone\":\"", "\"zone\":\"" + "x".repeat(TelemetryCodec.MAX_PAYLOAD_BYTES)));
      case MALFORMED_JSON -> message(topic, json.substring(0, json.length() / 2));
      case MISSING_FIELD -> message(topic, json.replaceFirst("\"seq\":\\d+,?", ""));
      case WRONG_TYPE ->
          message(topic, json.replace("\"floor\":" + reading.floor(), "\"floor\":\"three\""));
      case INVALID_VALUE -> message(topic, json.replaceFirst("\"metrics\":\\{[^}]*\\}", "\"metrics\":{}"));
      case UNKNOWN_DEVICE_TYPE ->
          message(topic, json.replace(reading.deviceType().name(), "TOASTER"));
      case ABSURD_TIMESTAMP ->
          message(topic, json.replace(reading.ts().toString(), "1970-01-01T00:00:00Z"));
      case TOPIC_MISMATCH ->
          message(TelemetryTopic.of(reading.buildingId(), reading.deviceId() + "-x"), json);
    };
  }

  private static TelemetryMessage message(String topic, String json) {
    return new TelemetryMessage(topic, json.getBytes(StandardCharsets.UTF_8));
  }
}
