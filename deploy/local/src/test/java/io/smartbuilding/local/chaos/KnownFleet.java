package io.smartbuilding.local.chaos;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A fleet of zone sensors whose every message is known in advance: device {@code
 * <prefix>-zs-NN} sends seq 1..rounds, stamped {@code t0 + seq * step}, at QoS 1. A message counts
 * as published once the broker acknowledged it; one the broker did not acknowledge (connection
 * lost, broker restarting) is sent again, as a device with a buffer would, so every (device, seq)
 * is published at least once. One device overheats (70 °C) for seqs in [hotFrom, hotTo]: exactly
 * one OVERHEAT episode.
 */
final class KnownFleet implements AutoCloseable {

  static final String BUILDING = "chaos";
  static final String METRIC = "temperatureC";

  /**
   * A metric whose value encodes the seq ({@link #seqValue}), so the history's sum per device tells
   * a loss plus a duplicate apart from a clean run, which a count alone cannot.
   */
  static final String SEQ_METRIC = "humidityPct";

  static double seqValue(int seq) {
    return seq * 0.5;
  }

  private final String prefix;
  private final int devices;
  private final int rounds;
  private final Instant t0;
  private final Duration step;
  private final int ratePerSecond;
  private final MqttAsyncClient client;
  private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
  private final AtomicInteger resent = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private Thread worker;
  private volatile Throwable failure;

  KnownFleet(int brokerPort, String prefix, int devices, int rounds, Instant t0, Duration step,
      int ratePerSecond) throws MqttException {
    this.prefix = prefix;
    this.devices = devices;
    this.rounds = rounds;
    this.t0 = t0;
    this.step = step;
    this.ratePerSecond = ratePerSecond;
    this.client = new MqttAsyncClient("tcp://127.0.0.1:" + brokerPort, prefix + "-fleet",
        new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setAutomaticReconnect(true);
    options.setMaxReconnectDelay(1000);
    options.setMaxInflight(1000);
    options.setConnectionTimeout(5);
    client.connect(options).waitForCompletion(10_000);
  }

  List<String> deviceIds() {
    List<String> ids = new ArrayList<>();
    for (int d = 1; d <= devices; d++) {
      ids.add(String.format(Locale.ROOT, "%s-zs-%02d", prefix, d));
    }
    return ids;
  }

  String hotDevice() {
    return deviceIds().get(0);
  }

  int hotFrom() {
    return rounds / 4;
  }

  int hotTo() {
    return rounds / 2;
  }

  Instant tsOf(int seq) {
    return t0.plus(step.multipliedBy(seq));
  }

  int total() {
    return devices * rounds;
  }

  int acknowledged() {
    return acknowledged.size();
  }

  int resent() {
    return resent.get();
  }

  /** Publishes every round in the background at the configured rate. */
  KnownFleet start() {
    worker = new Thread(() -> {
      try {
        publishRounds(1, rounds);
      } catch (Throwable t) {
        failure = t;
      }
    }, prefix + "-fleet");
    worker.setDaemon(true);
    worker.start();
    return this;
  }

  /** Waits until every message was acknowledged by the broker. */
  void awaitAllAcknowledged(Duration timeout) throws InterruptedException {
    worker.join(timeout.toMillis());
    if (failure != null) {
      throw new IllegalStateException("publisher failed", failure);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (acknowledged.size() < total() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    if (acknowledged.size() < total()) {
      throw new IllegalStateException("only " + acknowledged.size() + " of " + total()
          + " messages acknowledged by the broker");
    }
  }

  /**
   * One reading per device stamped far after the test's readings: it moves the job's event-time
   * watermark past the test's minute windows, so their history buckets are written.
   */
  void sendWatermarkClosers(Instant at) throws Exception {
    for (String device : deviceIds()) {
      MqttMessage m = new MqttMessage(payload(device, rounds + 1, at, 21.0));
      m.setQos(1);
      client.publish(topic(device), m).waitForCompletion(10_000);
    }
  }

  private void publishRounds(int fromSeq, int toSeq) throws InterruptedException {
    long nanosPerMessage = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
    long next = System.nanoTime();
    for (int seq = fromSeq; seq <= toSeq; seq++) {
      for (String device : deviceIds()) {
        long wait = next - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        next += nanosPerMessage;
        double value = device.equals(hotDevice()) && seq >= hotFrom() && seq <= hotTo()
            ? 70.0 : 21.0 + (seq % 7) * 0.1;
        publishUntilAccepted(device, seq, value);
      }
    }
  }

  private void publishUntilAccepted(String device, int seq, double value)
      throws InterruptedException {
    byte[] body = payload(device, seq, tsOf(seq), value);
    String key = device + "#" + seq;
    while (true) {
      while (inFlight.get() >= 900) {
        Thread.sleep(5);
      }
      try {
        MqttMessage m = new MqttMessage(body);
        m.setQos(1);
        inFlight.incrementAndGet();
        client.publish(topic(device), m, null, new IMqttActionListener() {
          @Override
          public void onSuccess(IMqttToken token) {
            inFlight.decrementAndGet();
            acknowledged.add(key);
          }

          @Override
          public void onFailure(IMqttToken token, Throwable e) {
            inFlight.decrementAndGet();
            resent.incrementAndGet();
            Thread retry = new Thread(() -> {
              try {
                Thread.sleep(200);
                publishUntilAccepted(device, seq, value);
              } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
              }
            });
            retry.setDaemon(true);
            retry.start();
          }
        });
        return;
      } catch (MqttException notConnected) {
        inFlight.decrementAndGet();
        Thread.sleep(100); // disconnected: automatic reconnect is under way
      }
    }
  }

  private static String topic(String device) {
    return "buildings/" + BUILDING + "/devices/" + device + "/telemetry";
  }

  private static byte[] payload(String device, int seq, Instant ts, double value) {
    return String.format(Locale.ROOT,
            "{\"deviceId\":\"%s\",\"buildingId\":\"%s\",\"floor\":1,\"zone\":\"f1-east\","
                + "\"deviceType\":\"ZONE_SENSOR\",\"ts\":\"%s\",\"seq\":%d,"
                + "\"metrics\":{\"%s\":%.1f,\"%s\":%.1f}}",
            device, BUILDING, ts, seq, METRIC, value, SEQ_METRIC, seqValue(seq))
        .getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    try {
      if (worker != null) {
        worker.interrupt();
      }
      if (client.isConnected()) {
        client.disconnect().waitForCompletion(5_000);
      }
      client.close();
    } catch (MqttException ignored) {
      // closing anyway
    }
  }
}
