package io.smartbuilding.contracts.telemetry;

import java.util.Optional;

/** The MQTT topic layout: {@code buildings/{buildingId}/devices/{deviceId}/telemetry}, QoS 1. */
public final class TelemetryTopic {

  /** Filter that matches every device's telemetry topic. */
  public static final String ALL_DEVICES = "buildings/+/devices/+/telemetry";

  private TelemetryTopic() {}

  public static String of(String buildingId, String deviceId) {
    return "buildings/" + buildingId + "/devices/" + deviceId + "/telemetry";
  }

  /** The building and device a topic names, or empty when the topic is not a telemetry topic. */
  public static Optional<Address> parse(String topic) {
    String[] parts = topic.split("/", -1);
    if (parts.length != 5
        || !parts[0].equals("buildings")
        || !parts[2].equals("devices")
        || !parts[4].equals("telemetry")
        || parts[1].isEmpty()
        || parts[3].isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Address(parts[1], parts[3]));
  }

  /** Where a message claims to come from, according to its topic. */
  public record Address(String buildingId, String deviceId) {}
}
