package io.smartbuilding.simulator.mqtt;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How to reach the broker.
 *
 * @param brokerUri e.g. {@code tcp://127.0.0.1:1883}
 * @param clientId the full MQTT client id; brokers drop an older connection with the same id
 * @param qos 0 or 1
 */
public record MqttSettings(
    String brokerUri,
    String clientId,
    int qos,
    Optional<String> username,
    Optional<String> password) {

  /** Paho's maximum for one connection; more would only queue in the client. */
  public static final int MAX_INFLIGHT = 1000;

  private static final Set<String> SCHEMES = Set.of("tcp", "ssl", "ws", "wss");

  public MqttSettings {
    Objects.requireNonNull(brokerUri, "brokerUri");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    requireValidBroker(brokerUri);
    if (clientId.isEmpty()) {
      throw new IllegalArgumentException("client id must not be empty (Mosquitto refuses it)");
    }
    if (qos != 0 && qos != 1) {
      throw new IllegalArgumentException("QoS must be 0 or 1, got " + qos);
    }
    if (password.isPresent() && username.isEmpty()) {
      throw new IllegalArgumentException("a password needs a username");
    }
  }

  public static MqttSettings anonymous(String brokerUri, String clientId, int qos) {
    return new MqttSettings(brokerUri, clientId, qos, Optional.empty(), Optional.empty());
  }

  private static void requireValidBroker(String brokerUri) {
    URI uri;
    try {
      uri = new URI(brokerUri);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "broker '" + brokerUri + "' is not a URI: " + e.getReason());
    }
    if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "broker must look like tcp://host:port (or ssl://, ws://, wss://), got '"
              + brokerUri
              + "'");
    }
  }

  /** The password never appears in logs or error messages. */
  @Override
  public String toString() {
    return "MqttSettings[brokerUri="
        + brokerUri
        + ", clientId="
        + clientId
        + ", qos="
        + qos
        + ", username="
        + username.orElse("-")
        + "]";
  }
}
