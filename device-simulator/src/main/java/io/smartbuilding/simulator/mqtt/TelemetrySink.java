package io.smartbuilding.simulator.mqtt;

import io.smartbuilding.contracts.telemetry.Telemetry;
import java.time.Duration;

/** Where the simulation sends readings; the MQTT publisher in a run, a recorder in unit tests. */
public interface TelemetrySink extends AutoCloseable {

  /**
   * Hands one reading over for delivery; never blocks on the network and never throws for it.
   *
   * @return false when the reading was refused at once (e.g. disconnected) and is lost
   */
  boolean publish(Telemetry telemetry);

  /**
   * Hands over a message as it is, e.g. a deliberately malformed payload or one on the wrong
   * topic. Counted like a reading.
   */
  boolean publishRaw(TelemetryMessage message);

  DeliveryStats stats();

  boolean isConnected();

  /** MQTT connections behind this sink. */
  default int connections() {
    return 1;
  }

  /** Connections that are up right now. */
  default int connectedCount() {
    return isConnected() ? 1 : 0;
  }

  /**
   * Waits until every accepted reading is acknowledged or failed, at most {@code timeout}.
   *
   * @return true when nothing is left in flight
   */
  boolean awaitDelivered(Duration timeout);

  @Override
  void close();
}
