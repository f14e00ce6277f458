package io.smartbuilding.simulator;

import io.smartbuilding.contracts.telemetry.Telemetry;
import io.smartbuilding.simulator.mqtt.DeliveryStats;
import io.smartbuilding.simulator.mqtt.TelemetryMessage;
import io.smartbuilding.simulator.mqtt.TelemetrySink;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sink that acknowledges everything at once and remembers it. */
final class RecordingSink implements TelemetrySink {

  final List<Telemetry> received = new CopyOnWriteArrayList<>();
  final List<TelemetryMessage> raw = new CopyOnWriteArrayList<>();
  volatile boolean closed;

  @Override
  public boolean publish(Telemetry telemetry) {
    received.add(telemetry);
    return true;
  }

  @Override
  public boolean publishRaw(TelemetryMessage message) {
    raw.add(message);
    return true;
  }

  @Override
  public DeliveryStats stats() {
    int all = received.size() + raw.size();
    return new DeliveryStats(all, all, 0, 0);
  }

  @Override
  public boolean isConnected() {
    return true;
  }

  @Override
  public boolean awaitDelivered(Duration timeout) {
    return true;
  }

  @Override
  public void close() {
    closed = true;
  }
}
