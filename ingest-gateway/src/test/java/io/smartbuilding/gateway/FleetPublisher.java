package io.smartbuilding.gateway;

import io.smartbuilding.contracts.telemetry.DeviceType;
import io.smartbuilding.contracts.telemetry.Telemetry;
import io.smartbuilding.contracts.telemetry.TelemetryCodec;
import io.smartbuilding.contracts.telemetry.TelemetryTopic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Publishes telemetry for many devices at QoS 1 from one Paho client, round by round (seq 1 for
 * every device, then seq 2, ...), on its own thread. {@code published()} counts PUBACKed messages.
 */
final class FleetPublisher implements AutoCloseable {

  private final TelemetryCodec codec = new TelemetryCodec();
  private final MqttClient client;
  private final int devices;
  private final int rounds;
  private final long pauseMillis;
  private final AtomicInteger published = new AtomicInteger();
  private final Thread thread;
  private volatile Throwable failure;

  FleetPublisher(int brokerPort, String clientId, int devices, int rounds, long pauseMillisPerRound)
      throws MqttException {
    this.client = new MqttClient("tcp://127.0.0.1:" + brokerPort, clientId, new MemoryPersistence());
    this.devices = devices;
    this.rounds = rounds;
    this.pauseMillis = pauseMillisPerRound;
    this.thread = new Thread(this::run, "fleet-publisher");
  }

  static String deviceId(int d) {
    return "dev-" + d;
  }

  static Telemetry reading(String deviceId, long seq) {
    return new Telemetry(deviceId, "b1", 1, "f1-east", DeviceType.ZONE_SENSOR, Instant.now(), seq,
        Map.of("temperatureC", 21.5, "humidityPct", 40.0));
  }

  /** The {@code deviceId#seq} keys of every message this fleet publishes that are not in {@code copies}. */
  List<String> missingFrom(Map<String, Integer> copies) {
    List<String> missing = new ArrayList<>();
    for (int d = 0; d < devices; d++) {
      for (int seq = 1; seq <= rounds; seq++) {
        String key = deviceId(d) + "#" + seq;
        if (!copies.containsKey(key)) {
          missing.add(key);
        }
      }
    }
    return missing;
  }

  int total() {
    return devices * rounds;
  }

  int published() {
    return published.get();
  }

  FleetPublisher start() throws MqttException {
    MqttConnectOptions options = new MqttConnectOptions();
    options.setMaxInflight(1000);
    client.connect(options);
    thread.start();
    return this;
  }

  /** Waits until every message is published; rethrows what stopped the publisher. */
  void join() throws Exception {
    thread.join();
    if (failure != null) {
      throw new IllegalStateException("publisher failed", failure);
    }
  }

  private void run() {
    try {
      for (int seq = 1; seq <= rounds; seq++) {
        for (int d = 0; d < devices; d++) {
          Telemetry t = reading(deviceId(d), seq);
          client.publish(TelemetryTopic.of(t.buildingId(), t.deviceId()), codec.encode(t), 1, false);
          published.incrementAndGet();
        }
        if (pauseMillis > 0) {
          Thread.sleep(pauseMillis);
        }
      }
    } catch (Throwable e) {
      failure = e;
    }
  }

  @Override
  public void close() throws Exception {
    thread.interrupt();
    thread.join(10_000);
    if (client.isConnected()) {
      client.disconnect();
    }
    client.close();
  }
}
