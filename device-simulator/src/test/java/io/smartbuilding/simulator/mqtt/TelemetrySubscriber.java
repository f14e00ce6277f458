package io.smartbuilding.simulator.mqtt;

import io.smartbuilding.contracts.telemetry.InvalidTelemetryException;
import io.smartbuilding.contracts.telemetry.Telemetry;
import io.smartbuilding.contracts.telemetry.TelemetryCodec;
import io.smartbuilding.contracts.telemetry.TelemetryTopic;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * What a consumer of the telemetry topics sees: subscribes to every device at QoS 1 and keeps each
 * message, decoded, by device id and sequence number. Anything that breaks the contract is kept
 * apart as invalid.
 */
public final class TelemetrySubscriber implements AutoCloseable {

  /** A message's identity: at-least-once delivery may repeat it, never change it. */
  public record Key(String deviceId, long seq) {}

  private final MqttAsyncClient client;
  private final TelemetryCodec codec = new TelemetryCodec();
  private final Map<Key, Telemetry> received = new ConcurrentHashMap<>();
  private final List<String> invalid = new CopyOnWriteArrayList<>();
  private final AtomicLong deliveries = new AtomicLong();

  public TelemetrySubscriber(String brokerUri) throws MqttException {
    client =
        new MqttAsyncClient(
            brokerUri, "it-subscriber-" + System.nanoTime(), new MemoryPersistence());
    client.setCallback(
        new MqttCallback() {
          @Override
          public void connectionLost(Throwable cause) {}

          @Override
          public void messageArrived(String topic, MqttMessage message) {
            accept(topic, message.getPayload());
          }

          @Override
          public void deliveryComplete(IMqttDeliveryToken token) {}
        });
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setMaxInflight(1000);
    client.connect(options).waitForCompletion(10_000);
    client.subscribe(TelemetryTopic.ALL_DEVICES, 1).waitForCompletion(10_000);
  }

  private void accept(String topic, byte[] payload) {
    deliveries.incrementAndGet();
    try {
      Telemetry t = codec.decode(payload);
      var address = TelemetryTopic.parse(topic);
      if (address.isEmpty()
          || !address.get().deviceId().equals(t.deviceId())
          || !address.get().buildingId().equals(t.buildingId())) {
        invalid.add("topic " + topic + " does not match " + t.buildingId() + "/" + t.deviceId());
        return;
      }
      received.put(new Key(t.deviceId(), t.seq()), t);
    } catch (InvalidTelemetryException e) {
      invalid.add(topic + ": " + e.reason() + " " + e.getMessage());
    }
  }

  public Set<Key> keys() {
    return Set.copyOf(received.keySet());
  }

  public int distinctCount() {
    return received.size();
  }

  /** Every delivery, duplicates included. */
  public long deliveries() {
    return deliveries.get();
  }

  public List<String> invalid() {
    return List.copyOf(invalid);
  }

  public Map<String, List<Telemetry>> byDevice() {
    return received.values().stream().collect(Collectors.groupingBy(Telemetry::deviceId));
  }

  @Override
  public void close() throws MqttException {
    try {
      client.disconnect().waitForCompletion(5_000);
    } finally {
      client.close(true);
    }
  }
}
