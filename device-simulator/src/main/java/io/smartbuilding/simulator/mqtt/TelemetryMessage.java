package io.smartbuilding.simulator.mqtt;

import io.smartbuilding.contracts.telemetry.Telemetry;
import io.smartbuilding.contracts.telemetry.TelemetryCodec;
import io.smartbuilding.contracts.telemetry.TelemetryTopic;

/** A reading as it goes on the wire: the contract's topic and JSON payload. */
public record TelemetryMessage(String topic, byte[] payload) {

  public static TelemetryMessage of(Telemetry telemetry, TelemetryCodec codec) {
    return new TelemetryMessage(
        TelemetryTopic.of(telemetry.buildingId(), telemetry.deviceId()), codec.encode(telemetry));
  }
}
