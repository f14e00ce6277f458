package io.smartbuilding.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.smartbuilding.contracts.telemetry.InvalidTelemetryException;
import io.smartbuilding.contracts.telemetry.RejectReason;
import io.smartbuilding.contracts.telemetry.Telemetry;
import io.smartbuilding.contracts.telemetry.TelemetryCodec;
import io.smartbuilding.contracts.telemetry.TelemetryTopic;
import io.smartbuilding.contracts.testing.ContractExamples;
import io.smartbuilding.simulator.mqtt.TelemetryMessage;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class MalformedPayloadsTest {

  private final TelemetryCodec codec = new TelemetryCodec();
  private final Telemetry valid = decodeFirstExample();

  private static Telemetry decodeFirstExample() {
    try {
      return new TelemetryCodec().decode(ContractExamples.validTelemetry().get(0).payload());
    } catch (InvalidTelemetryException e) {
      throw new AssertionError("the contract's valid example is invalid", e);
    }
  }

  @Test
  void payloadRulesTheCodecChecksAreBrokenForTheNamedReason() {
    // The gateway checks the timestamp's age and the topic; the codec checks the rest.
    for (RejectReason reason :
        EnumSet.complementOf(EnumSet.of(RejectReason.ABSURD_TIMESTAMP, RejectReason.TOPIC_MISMATCH))) {
      TelemetryMessage bad = MalformedPayloads.of(reason, valid);
      InvalidTelemetryException e =
          catchThrowableOfType(InvalidTelemetryException.class, () -> codec.decode(bad.payload()));
      assertThat(e).as(reason.name()).isNotNull();
      assertThat(e.reason()).as(reason.name()).isEqualTo(reason);
      assertThat(bad.topic()).isEqualTo(TelemetryTopic.of(valid.buildingId(), valid.deviceId()));
    }
  }

  @Test
  void anAbsurdTimestampIsTheEpochAndATopicMismatchNamesAnotherDevice() throws Exception {
    TelemetryMessage old = MalformedPayloads.of(RejectReason.ABSURD_TIMESTAMP, valid);
    assertThat(codec.decode(old.payload()).ts().toString()).isEqualTo("1970-01-01T00:00:00Z");

    TelemetryMessage elsewhere = MalformedPayloads.of(RejectReason.TOPIC_MISMATCH, valid);
    assertThat(codec.decode(elsewhere.payload())).isEqualTo(valid);
    assertThat(elsewhere.topic())
        .isNotEqualTo(TelemetryTopic.of(valid.buildingId(), valid.deviceId()))
        .contains(valid.deviceId() + "-x");
  }

  @Test
  void anOversizedPayloadIsJustOverTheLimit() {
    byte[] payload = MalformedPayloads.of(RejectReason.OVERSIZED, valid).payload();
    assertThat(payload.length).isGreaterThan(TelemetryCodec.MAX_PAYLOAD_BYTES);
    assertThat(new String(payload, StandardCharsets.UTF_8)).startsWith("{");
  }
}
