package io.smartbuilding.simulator.mqtt;

import io.smartbuilding.contracts.telemetry.Telemetry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Several MQTT connections used as one sink. One connection's in-flight window and sender thread
 * cap its rate; spreading devices over a few connections lifts that cap. A device always uses the
 * same connection (chosen from its id), so its readings stay in order.
 */
public final class ConnectionPool implements TelemetrySink {

  public static final int MAX_CONNECTIONS = 64;

  private final List<MqttTelemetryPublisher> publishers;

  /**
   * @param count connections; with one, the client id is used as given, otherwise {@code -1},
   *     {@code -2}, ... are appended
   */
  public ConnectionPool(MqttSettings settings, int count, Consumer<String> log) {
    if (count < 1 || count > MAX_CONNECTIONS) {
      throw new IllegalArgumentException(
          "connections must be 1-" + MAX_CONNECTIONS + ", got " + count);
    }
    publishers = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      MqttSettings own = count == 1 ? settings : settings.withClientId(settings.clientId() + "-" + i);
      publishers.add(new MqttTelemetryPublisher(own, log));
    }
  }

  public void connect() {
    publishers.forEach(MqttTelemetryPublisher::connect);
  }

  /** Waits for every connection to come up once; true when all did in time. */
  public boolean awaitConnected(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean all = true;
    for (MqttTelemetryPublisher p : publishers) {
      long left = Math.max(0, deadline - System.nanoTime());
      all &= p.awaitConnected(Duration.ofNanos(left));
    }
    return all;
  }

  private MqttTelemetryPublisher forDevice(String deviceId) {
    return publishers.get(Math.floorMod(deviceId.hashCode(), publishers.size()));
  }

  @Override
  public boolean publish(Telemetry telemetry) {
    return forDevice(telemetry.deviceId()).publish(telemetry);
  }

  @Override
  public boolean publishRaw(TelemetryMessage message) {
    return forDevice(message.topic()).publishRaw(message);
  }

  @Override
  public DeliveryStats stats() {
    long sent = 0;
    long acked = 0;
    long refused = 0;
    long lost = 0;
    for (MqttTelemetryPublisher p : publishers) {
      DeliveryStats s = p.stats();
      sent += s.sent();
      acked += s.acked();
      refused += s.refused();
      lost += s.lost();
    }
    return new DeliveryStats(sent, acked, refused, lost);
  }

  public long windowFullWaits() {
    return publishers.stream().mapToLong(MqttTelemetryPublisher::windowFullWaits).sum();
  }

  @Override
  public boolean isConnected() {
    return connectedCount() == publishers.size();
  }

  @Override
  public int connections() {
    return publishers.size();
  }

  @Override
  public int connectedCount() {
    return (int) publishers.stream().filter(MqttTelemetryPublisher::isConnected).count();
  }

  @Override
  public boolean awaitDelivered(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean all = true;
    for (MqttTelemetryPublisher p : publishers) {
      all &= p.awaitDelivered(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }
    return all;
  }

  @Override
  public void close() {
    // In parallel: each disconnect may wait a second for the broker.
    publishers.parallelStream().forEach(MqttTelemetryPublisher::close);
  }
}
