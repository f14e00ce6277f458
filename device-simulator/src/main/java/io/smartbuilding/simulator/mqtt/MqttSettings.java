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
 * @param maxInflight QoS 1 messages one connection may have unacknowledged (1-65535)
 * @param tls PEM files for {@code ssl://} brokers; empty uses the JVM's default trust store
 */
public record MqttSettings(
    String brokerUri,
    String clientId,
    int qos,
    Optional<String> username,
    Optional<String> password,
    int maxInflight,
    TlsFiles tls) {

  /** Paho's default window is 10; 1000 keeps a local broker busy without queueing in the client. */
  public static final int DEFAULT_MAX_INFLIGHT = 1000;

  /** Kept for callers written when the window was fixed. */
  public static final int MAX_INFLIGHT = DEFAULT_MAX_INFLIGHT;

  private static final Set<String> SCHEMES = Set.of("tcp", "ssl", "ws", "wss");

  public MqttSettings {
    Objects.requireNonNull(brokerUri, "brokerUri");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(tls, "tls");
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
    if (maxInflight < 1 || maxInflight > 65_535) {
      throw new IllegalArgumentException("max inflight must be 1-65535, got " + maxInflight);
    }
    if (!tls.isEmpty() && !(brokerUri.startsWith("ssl://") || brokerUri.startsWith("wss://"))) {
      throw new IllegalArgumentException(
          "--cafile/--cert/--key need an ssl:// or wss:// broker, got '" + brokerUri + "'");
    }
  }

  public MqttSettings(
      String brokerUri,
      String clientId,
      int qos,
      Optional<String> username,
      Optional<String> password) {
    this(brokerUri, clientId, qos, username, password, DEFAULT_MAX_INFLIGHT, TlsFiles.none());
  }

  public static MqttSettings anonymous(String brokerUri, String clientId, int qos) {
    return new MqttSettings(brokerUri, clientId, qos, Optional.empty(), Optional.empty());
  }

  /** The same settings for another connection of the same process. */
  public MqttSettings withClientId(String otherClientId) {
    return new MqttSettings(
        brokerUri, otherClientId, qos, username, password, maxInflight, tls);
  }

  /**
   * Where the connection announces itself: "online" (retained) after connecting, and the broker
   * publishes the last will "offline" (retained) when the connection dies without a goodbye.
   */
  public String statusTopic() {
    return "simulators/" + clientId + "/status";
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
        + ", maxInflight="
        + maxInflight
        + "]";
  }
}
