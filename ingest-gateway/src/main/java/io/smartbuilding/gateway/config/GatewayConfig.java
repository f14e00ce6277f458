package io.smartbuilding.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Everything an operator can tune, under the {@code gateway.} prefix of application.properties. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

  Mqtt mqtt();

  Kinesis kinesis();

  Batch batch();

  Validation validation();

  DeadLetter deadLetter();

  interface Mqtt {
    /** tcp://host:port or ssl://host:port. */
    String brokerUrl();

    /** Stable per replica: with a persistent session the broker keeps unacknowledged messages for it. */
    String clientId();

    /** A shared subscription ($share/group/filter) spreads devices over the replicas. */
    @WithDefault("$share/ingest-gateway/buildings/+/devices/+/telemetry")
    String topicFilter();

    @WithDefault("1")
    int qos();

    /** false = persistent session: messages published while the gateway is down wait for it. */
    @WithDefault("false")
    boolean cleanSession();

    Optional<String> username();

    Optional<String> password();

    @WithDefault("30")
    int keepAliveSeconds();

    /**
     * Longest wait between reconnect attempts. Paho doubles the wait up to 128 s by default, so a
     * broker back after a few seconds could wait minutes for the gateway while devices queue up.
     */
    @WithDefault("5")
    int maxReconnectDelaySeconds();

    /** TLS to the broker (with an ssl:// broker URL); PEM files, e.g. mounted from a secret. */
    Tls tls();
  }

  interface Tls {
    /** CA certificate(s) that signed the broker's certificate; the JDK trust store when absent. */
    Optional<Path> caFile();

    /** Mutual TLS: the gateway's certificate (chain), with {@code client-key-file}. */
    Optional<Path> clientCertFile();

    /** Mutual TLS: the gateway's unencrypted private key (PKCS#8, or PKCS#1 RSA). */
    Optional<Path> clientKeyFile();
  }

  interface Kinesis {
    @WithDefault("smartbuilding-telemetry")
    String stream();

    @WithDefault("us-east-1")
    String region();

    /** Set for local emulators; empty in AWS. */
    Optional<URI> endpointOverride();

    /** Static keys for local emulators only; in AWS the default chain (IRSA) is used. */
    Optional<String> accessKey();

    Optional<String> secretKey();

    /** Local stacks only: create the stream at startup when it is missing. */
    @WithDefault("false")
    boolean createStream();

    @WithDefault("1")
    int shards();
  }

  interface Batch {
    /** Messages waiting for Kinesis; when full, MQTT intake blocks (backpressure, not memory). */
    @WithDefault("20000")
    int queueCapacity();

    /** How long the writer waits to fill a batch once a first message is there. */
    @WithDefault("50ms")
    Duration linger();

    /** Telemetry messages in one PutRecords call at most. */
    @WithDefault("5000")
    int maxMessages();

    /** Bytes of one aggregated Kinesis record at most (Kinesis allows 1 MiB with the key). */
    @WithDefault("1000000")
    int maxRecordBytes();

    @WithDefault("100ms")
    Duration initialBackoff();

    @WithDefault("5s")
    Duration maxBackoff();

    /** Readiness turns DOWN when Kinesis has refused writes for this long. */
    @WithDefault("10s")
    Duration unhealthyAfter();
  }

  interface Validation {
    /** Readings stamped further in the future than this are refused (device clock wrong). */
    @WithDefault("5m")
    Duration maxClockSkew();

    /** Readings older than this are refused (a device replaying a week-old buffer). */
    @WithDefault("1d")
    Duration maxAge();
  }

  interface DeadLetter {
    /** Refused messages go here as JSON envelopes (docs/contracts/dead-letters.md). */
    @WithDefault("smartbuilding-telemetry-dlq")
    String stream();

    /** Shards of the dead-letter stream when the gateway creates it ({@code create-stream}). */
    @WithDefault("1")
    int shards();

    /** Raw payload bytes kept in a dead letter; the rest is cut off (the envelope says so). */
    @WithDefault("65536")
    int maxPayloadBytes();
  }
}
