package io.smartbuilding.gateway.mqtt;

import io.smartbuilding.contracts.mqtt.PemTlsContext;
import io.smartbuilding.contracts.telemetry.InvalidTelemetryException;
import io.smartbuilding.contracts.telemetry.Telemetry;
import io.smartbuilding.gateway.config.GatewayConfig;
import io.smartbuilding.gateway.deadletter.DeadLetter;
import io.smartbuilding.gateway.deadletter.DeadLetterEnvelope;
import io.smartbuilding.gateway.ingest.IngestMetrics;
import io.smartbuilding.gateway.ingest.PendingMessage;
import io.smartbuilding.gateway.ingest.TelemetryValidator;
import io.smartbuilding.gateway.kinesis.KinesisBatchWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.jboss.logging.Logger;

/**
 * The MQTT side of the gateway. Acknowledgements are manual: a valid QoS 1 message is acknowledged
 * only when the Kinesis writer has stored it, an invalid one when its dead letter is stored in the
 * dead-letter stream (redelivering it would not make it valid, but it must not vanish). With a
 * persistent session, what is unacknowledged when the gateway dies is delivered again when it
 * comes back.
 */
public final class MqttIntake implements MqttCallbackExtended {

  private static final Logger LOG = Logger.getLogger(MqttIntake.class);
  /** Logs the first rejects in full, then one in this many, so a flood of junk cannot flood logs. */
  private static final int REJECT_LOG_SAMPLING = 1000;

  private final GatewayConfig.Mqtt config;
  private final TelemetryValidator validator;
  private final KinesisBatchWriter writer;
  private final KinesisBatchWriter deadLetters;
  private final DeadLetterEnvelope envelope;
  private final Clock clock;
  private final IngestMetrics metrics;
  private final AtomicLong rejects = new AtomicLong();
  private final MqttAsyncClient client;
  private volatile boolean accepting = true;

  public MqttIntake(
      GatewayConfig.Mqtt config,
      TelemetryValidator validator,
      KinesisBatchWriter writer,
      KinesisBatchWriter deadLetters,
      DeadLetterEnvelope envelope,
      Clock clock,
      IngestMetrics metrics)
      throws MqttException {
    this.config = config;
    this.validator = validator;
    this.writer = writer;
    this.deadLetters = deadLetters;
    this.envelope = envelope;
    this.clock = clock;
    this.metrics = metrics;
    this.client = new MqttAsyncClient(config.brokerUrl(), config.clientId(), new MemoryPersistence());
    client.setManualAcks(true);
    client.setCallback(this);
  }

  /** Connects and subscribes; with automatic reconnect it keeps trying in the background. */
  public void start() throws MqttException {
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(config.cleanSession());
    options.setAutomaticReconnect(true);
    options.setMaxReconnectDelay(config.maxReconnectDelaySeconds() * 1000);
    options.setKeepAliveInterval(config.keepAliveSeconds());
    options.setMaxInflight(1000);
    config.username().ifPresent(options::setUserName);
    config.password().ifPresent(p -> options.setPassword(p.toCharArray()));
    GatewayConfig.Tls tls = config.tls();
    if (tls.caFile().isPresent()
        || tls.clientCertFile().isPresent()
        || tls.clientKeyFile().isPresent()) {
      options.setSocketFactory(
          PemTlsContext.create(tls.caFile(), tls.clientCertFile(), tls.clientKeyFile())
              .getSocketFactory());
    }
    LOG.infof("connecting to %s as %s%s", config.brokerUrl(), config.clientId(),
        tls.clientCertFile().isPresent() ? " (mutual TLS)" : "");
    client.connect(options).waitForCompletion(30_000);
  }

  public boolean isConnected() {
    return client.isConnected();
  }

  /** Stops forwarding: what arrives from now on stays unacknowledged and is redelivered later. */
  public void pause() {
    accepting = false;
  }

  public void disconnect() {
    try {
      if (client.isConnected()) {
        client.disconnect(5_000).waitForCompletion(6_000);
      }
      client.close();
    } catch (MqttException e) {
      LOG.warnf("MQTT disconnect: %s", e.toString());
    }
  }

  @Override
  public void connectComplete(boolean reconnect, String serverUri) {
    try {
      client.subscribe(config.topicFilter(), config.qos());
      LOG.infof("%s %s, subscribed to %s", reconnect ? "reconnected to" : "connected to", serverUri,
          config.topicFilter());
    } catch (MqttException e) {
      LOG.errorf("subscribing to %s failed: %s", config.topicFilter(), e.toString());
    }
  }

  @Override
  public void connectionLost(Throwable cause) {
    LOG.warnf("MQTT connection lost (%s); reconnecting", cause == null ? "?" : cause.toString());
  }

  @Override
  public void messageArrived(String topic, MqttMessage message) throws InterruptedException {
    if (!accepting) {
      return; // shutting down: left unacknowledged on purpose
    }
    metrics.received();
    byte[] payload = message.getPayload();
    Telemetry telemetry;
    try {
      telemetry = validator.validate(topic, payload);
    } catch (InvalidTelemetryException e) {
      metrics.rejected(e.reason());
      long n = rejects.incrementAndGet();
      if (n <= 20 || n % REJECT_LOG_SAMPLING == 0) {
        LOG.warnf("rejected message #%d on %s: %s: %s", n, topic, e.reason(), e.getMessage());
      }
      // Acknowledged once the dead letter is stored, like a valid message once it is forwarded.
      DeadLetter letter =
          new DeadLetter(e.reason(), e.getMessage(), topic, clock.instant(), payload);
      deadLetters.submit(
          new PendingMessage(
              letter.partitionKey(), envelope.encode(letter), () -> acknowledge(message)));
      return;
    }
    // Blocks while the writer's queue is full: Paho then stops reading the socket, and the broker
    // holds the rest (TCP and MQTT in-flight limits are the flow control).
    Instant receivedAt = clock.instant();
    Instant readAt = telemetry.ts();
    writer.submit(
        new PendingMessage(
            telemetry.deviceId(),
            payload,
            () -> {
              acknowledge(message);
              metrics.stored(readAt, receivedAt, clock.instant());
            }));
  }

  @Override
  public void deliveryComplete(IMqttDeliveryToken token) {
    // the gateway does not publish
  }

  private void acknowledge(MqttMessage message) {
    if (message.getQos() == 0) {
      return;
    }
    try {
      client.messageArrivedComplete(message.getId(), message.getQos());
    } catch (MqttException e) {
      // connection gone: the broker redelivers the message on the next session
      LOG.debugf("could not acknowledge message %d: %s", message.getId(), e.toString());
    }
  }
}
