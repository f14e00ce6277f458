package io.smartbuilding.gateway.ingest;

import io.smartbuilding.contracts.telemetry.InvalidTelemetryException;
import io.smartbuilding.contracts.telemetry.RejectReason;
import io.smartbuilding.contracts.telemetry.Telemetry;
import io.smartbuilding.contracts.telemetry.TelemetryCodec;
import io.smartbuilding.contracts.telemetry.TelemetryTopic;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides whether a message from the broker may enter the platform: the payload must follow the
 * telemetry contract, come from the device its topic names, and carry a believable timestamp.
 */
public final class TelemetryValidator {

  private final TelemetryCodec codec;
  private final Clock clock;
  private final Duration maxClockSkew;
  private final Duration maxAge;

  public TelemetryValidator(TelemetryCodec codec, Clock clock, Duration maxClockSkew, Duration maxAge) {
    this.codec = codec;
    this.clock = clock;
    this.maxClockSkew = maxClockSkew;
    this.maxAge = maxAge;
  }

  public Telemetry validate(String topic, byte[] payload) throws InvalidTelemetryException {
    Optional<TelemetryTopic.Address> address = TelemetryTopic.parse(topic);
    if (address.isEmpty()) {
      throw new InvalidTelemetryException(
          RejectReason.TOPIC_MISMATCH, "topic '" + topic + "' is not a telemetry topic");
    }
    Telemetry telemetry = codec.decode(payload);
    if (!address.get().buildingId().equals(telemetry.buildingId())
        || !address.get().deviceId().equals(telemetry.deviceId())) {
      throw new InvalidTelemetryException(
          RejectReason.TOPIC_MISMATCH,
          "payload is from " + telemetry.buildingId() + "/" + telemetry.deviceId()
              + " but was published on " + topic);
    }
    Instant now = clock.instant();
    if (telemetry.ts().isAfter(now.plus(maxClockSkew))) {
      throw new InvalidTelemetryException(
          RejectReason.ABSURD_TIMESTAMP, "ts " + telemetry.ts() + " is in the future (now " + now + ")");
    }
    if (telemetry.ts().isBefore(now.minus(maxAge))) {
      throw new InvalidTelemetryException(
          RejectReason.ABSURD_TIMESTAMP, "ts " + telemetry.ts() + " is older than " + maxAge);
    }
    return telemetry;
  }
}
