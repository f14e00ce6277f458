package io.smartbuilding.simulator.mqtt;

import io.smartbuilding.contracts.mqtt.PemTlsContext;
import io.smartbuilding.contracts.telemetry.Telemetry;
import io.smartbuilding.contracts.telemetry.TelemetryCodec;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Publishes telemetry over one MQTT connection with Paho's asynchronous client: publishing never
 * waits for the network, and the delivery callbacks keep the counts. When the broker goes away the
 * client reconnects by itself; readings produced meanwhile are refused and counted as failed,
 * because a simulated device, like a real one without a buffer, loses them.
 */
public final class MqttTelemetryPublisher implements TelemetrySink {

  static final byte[] ONLINE = "online".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  static final byte[] OFFLINE = "offline".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  /**
   * How long a publish waits for room in a full in-flight window before the reading is refused.
   * Waiting slows the fleet down to what the broker acknowledges instead of dropping readings.
   */
  private static final long FULL_WINDOW_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

  /** Paho doubles the reconnect delay from 1 s; capping it keeps recovery quick after an outage. */
  private static final int MAX_RECONNECT_DELAY_MS = 5_000;

  private final MqttSettings settings;
  private final Consumer<String> log;
  private final MqttAsyncClient client;
  private final MqttConnectOptions options;
  private final TelemetryCodec codec = new TelemetryCodec();
  private final ScheduledExecutorService firstConnect;
  private final LongAdder sent = new LongAdder();
  private final LongAdder acked = new LongAdder();
  private final LongAdder refused = new LongAdder();
  private final LongAdder lost = new LongAdder();
  private final LongAdder windowFullWaits = new LongAdder();
  private final IMqttActionListener delivery =
      new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          acked.increment();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable cause) {
          lost.increment();
        }
      };
  private final CountDownLatch firstConnected = new CountDownLatch(1);
  private final Set<Integer> refusalsExplained = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /**
   * @param log receives one line per connection event (connected, lost, reconnected)
   */
  public MqttTelemetryPublisher(MqttSettings settings, Consumer<String> log) {
    this.settings = settings;
    this.log = log;
    try {
      // In memory: the default file persistence would litter the working directory.
      this.client =
          new MqttAsyncClient(settings.brokerUri(), settings.clientId(), new MemoryPersistence());
    } catch (MqttException e) {
      throw new IllegalArgumentException(
          "cannot use broker " + settings.brokerUri() + ": " + e.getMessage(), e);
    }
    this.options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setAutomaticReconnect(true);
    options.setMaxReconnectDelay(MAX_RECONNECT_DELAY_MS);
    options.setMaxInflight(settings.maxInflight());
    // The broker tells subscribers this connection died without a goodbye; "online" replaces it.
    options.setWill(settings.statusTopic(), OFFLINE, 1, true);
    if (!settings.tls().isEmpty()) {
      TlsFiles tls = settings.tls();
      options.setSocketFactory(
          PemTlsContext.create(tls.caFile(), tls.certFile(), tls.keyFile()).getSocketFactory());
    }
    options.setConnectionTimeout(10);
    options.setKeepAliveInterval(30);
    settings.username().ifPresent(options::setUserName);
    settings.password().ifPresent(p -> options.setPassword(p.toCharArray()));
    client.setCallback(new ConnectionEvents());
    this.firstConnect =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "mqtt-first-connect");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Starts connecting and returns at once. Paho reconnects by itself only after a first success, so
   * until then this retries with the same capped back-off.
   */
  public void connect() {
    attemptConnect(1_000);
  }

  /**
   * Waits up to {@code timeout} for the first connection, so a run does not begin by failing.
   *
   * @return true when connected
   */
  public boolean awaitConnected(Duration timeout) throws InterruptedException {
    return firstConnected.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void attemptConnect(long nextDelayMs) {
    if (closed) {
      return;
    }
    try {
      client.connect(
          options,
          null,
          new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              // connectComplete logs it
            }

            @Override
            public void onFailure(IMqttToken token, Throwable cause) {
              retryConnect(cause, nextDelayMs);
            }
          });
    } catch (MqttException e) {
      retryConnect(e, nextDelayMs);
    }
  }

  private void retryConnect(Throwable cause, long delayMs) {
    if (closed) {
      return;
    }
    log.accept(
        "cannot connect to "
            + settings.brokerUri()
            + " ("
            + describe(cause)
            + "); retrying in "
            + delayMs / 1000.0
            + "s");
    firstConnect.schedule(
        () -> attemptConnect(Math.min(delayMs * 2, MAX_RECONNECT_DELAY_MS)),
        delayMs,
        TimeUnit.MILLISECONDS);
  }

  @Override
  public boolean publish(Telemetry telemetry) {
    return publishRaw(TelemetryMessage.of(telemetry, codec));
  }

  @Override
  public boolean publishRaw(TelemetryMessage message) {
    long waitingSince = 0;
    while (true) {
      // Counted before the call: the acknowledgement can arrive before publish() returns.
      sent.increment();
      try {
        client.publish(message.topic(), message.payload(), settings.qos(), false, null, delivery);
        return true;
      } catch (MqttException notConnectedOrFull) {
        sent.decrement();
        if (notConnectedOrFull.getReasonCode() == MqttException.REASON_CODE_MAX_INFLIGHT
            && !closed) {
          long now = System.nanoTime();
          if (waitingSince == 0) {
            waitingSince = now;
          }
          if (now - waitingSince < FULL_WINDOW_WAIT_NANOS) {
            windowFullWaits.increment();
            LockSupport.parkNanos(20_000);
            continue;
          }
        }
        refused.increment();
        explainOnce(notConnectedOrFull);
        return false;
      }
    }
  }

  /** How often a publish found the in-flight window full and waited: the broker is the limit. */
  public long windowFullWaits() {
    return windowFullWaits.sum();
  }

  /** Says once per kind why readings are refused (not connected, too many in flight). */
  private void explainOnce(MqttException e) {
    if (refusalsExplained.add(e.getReasonCode())) {
      String hint =
          e.getReasonCode() == MqttException.REASON_CODE_MAX_INFLIGHT
              ? "; the broker acknowledges slower than the fleet sends, lower --rate"
              : "";
      log.accept("readings refused: " + describe(e) + hint + " (counted as failed)");
    }
  }

  @Override
  public DeliveryStats stats() {
    // Read acknowledgements before sends so a snapshot never shows more acked than sent.
    long ackedNow = acked.sum();
    long lostNow = lost.sum();
    return new DeliveryStats(sent.sum(), ackedNow, refused.sum(), lostNow);
  }

  @Override
  public boolean isConnected() {
    return client.isConnected();
  }

  @Override
  public boolean awaitDelivered(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (stats().notAcknowledged() > 0) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    closed = true;
    firstConnect.shutdownNow();
    try {
      // A clean disconnect suppresses the will, so say "offline" ourselves.
      if (client.isConnected()) {
        client.publish(settings.statusTopic(), OFFLINE, 1, true).waitForCompletion(1_000);
      }
    } catch (MqttException notConnected) {
      // the broker will publish the will instead
    }
    try {
      // disconnect() also ends Paho's reconnect timer, whose thread would keep the JVM alive.
      client.disconnect(1_000).waitForCompletion(3_000);
    } catch (MqttException notConnected) {
      // nothing to disconnect
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      log.accept("closing the MQTT client failed: " + describe(e));
    }
  }

  private static String describe(Throwable t) {
    String text = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    Throwable cause = t.getCause();
    if (cause != null) {
      text +=
          ": "
              + (cause.getMessage() == null
                  ? cause.getClass().getSimpleName()
                  : cause.getMessage());
    }
    return text;
  }

  private final class ConnectionEvents implements MqttCallbackExtended {

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
      firstConnected.countDown();
      try {
        client.publish(settings.statusTopic(), ONLINE, 1, true);
      } catch (MqttException e) {
        log.accept("cannot announce " + settings.statusTopic() + " online: " + describe(e));
      }
      log.accept(
          (reconnect ? "reconnected to " : "connected to ")
              + serverUri
              + " as "
              + settings.clientId());
    }

    @Override
    public void connectionLost(Throwable cause) {
      if (!closed) {
        log.accept(
            "connection to "
                + settings.brokerUri()
                + " lost ("
                + describe(cause)
                + "); readings fail until it is back, reconnecting");
      }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      // the simulator subscribes to nothing
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
      // counted by the per-message listener
    }
  }
}
