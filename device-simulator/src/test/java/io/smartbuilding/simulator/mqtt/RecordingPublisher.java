package io.smartbuilding.simulator.mqtt;

import io.smartbuilding.contracts.telemetry.Telemetry;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Wraps the real publisher and remembers which readings the MQTT client accepted. */
public final class RecordingPublisher implements TelemetrySink {

  private final TelemetrySink delegate;
  private final Set<TelemetrySubscriber.Key> accepted = ConcurrentHashMap.newKeySet();
  private final java.util.Queue<TelemetryMessage> raw =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  public RecordingPublisher(TelemetrySink delegate) {
    this.delegate = delegate;
  }

  @Override
  public boolean publish(Telemetry telemetry) {
    boolean ok = delegate.publish(telemetry);
    if (ok) {
      accepted.add(new TelemetrySubscriber.Key(telemetry.deviceId(), telemetry.seq()));
    }
    return ok;
  }

  @Override
  public boolean publishRaw(TelemetryMessage message) {
    boolean ok = delegate.publishRaw(message);
    if (ok) {
      raw.add(message);
    }
    return ok;
  }

  /** Malformed messages the client accepted. */
  public java.util.List<TelemetryMessage> raw() {
    return java.util.List.copyOf(raw);
  }

  @Override
  public int connections() {
    return delegate.connections();
  }

  @Override
  public int connectedCount() {
    return delegate.connectedCount();
  }

  public Set<TelemetrySubscriber.Key> accepted() {
    return Set.copyOf(accepted);
  }

  @Override
  public DeliveryStats stats() {
    return delegate.stats();
  }

  @Override
  public boolean isConnected() {
    return delegate.isConnected();
  }

  @Override
  public boolean awaitDelivered(Duration timeout) {
    return delegate.awaitDelivered(timeout);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
