package io.smartbuilding.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartbuilding.contracts.telemetry.InvalidTelemetryException;
import io.smartbuilding.contracts.telemetry.RejectReason;
import io.smartbuilding.contracts.telemetry.Telemetry;
import io.smartbuilding.contracts.telemetry.TelemetryCodec;
import io.smartbuilding.contracts.telemetry.TelemetryTopic;
import io.smartbuilding.contracts.testing.ContractExamples;
import io.smartbuilding.contracts.testing.ContractExamples.Example;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TelemetryValidatorTest {

  private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
  private final TelemetryCodec codec = new TelemetryCodec();
  private final TelemetryValidator validator =
      new TelemetryValidator(
          codec, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5), Duration.ofDays(1));

  static Iterable<Example> valid() {
    return ContractExamples.validTelemetry();
  }

  static Iterable<Example> invalid() {
    return ContractExamples.invalidTelemetry();
  }

  @ParameterizedTest
  @MethodSource("valid")
  void acceptsTheValidExamplesOnTheirOwnTopic(Example example) throws Exception {
    Telemetry t = codec.decode(example.payload());

    assertThat(validator.validate(TelemetryTopic.of(t.buildingId(), t.deviceId()), example.payload()))
        .isEqualTo(t);
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void refusesTheInvalidExamplesWithTheirReason(Example example) {
    assertThatThrownBy(() -> validator.validate("buildings/b1/devices/b1-f2-zs-01/telemetry", example.payload()))
        .isInstanceOfSatisfying(InvalidTelemetryException.class,
            e -> assertThat(e.reason()).isEqualTo(example.expectedReason()));
  }

  @Test
  void refusesAPayloadPublishedOnAnotherDevicesTopic() {
    byte[] payload = ContractExamples.read("zone-sensor.json");

    assertThatThrownBy(() -> validator.validate("buildings/b1/devices/someone-else/telemetry", payload))
        .isInstanceOfSatisfying(InvalidTelemetryException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectReason.TOPIC_MISMATCH));
  }

  @Test
  void refusesANonTelemetryTopic() {
    assertThatThrownBy(() -> validator.validate("buildings/b1/alarms", ContractExamples.read("zone-sensor.json")))
        .isInstanceOfSatisfying(InvalidTelemetryException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectReason.TOPIC_MISMATCH));
  }

  @Test
  void refusesTimestampsFromTheFutureAndTheDistantPast() throws Exception {
    Telemetry base = codec.decode(ContractExamples.read("zone-sensor.json"));
    String topic = TelemetryTopic.of(base.buildingId(), base.deviceId());

    for (Instant ts : new Instant[] {NOW.plus(Duration.ofMinutes(6)), NOW.minus(Duration.ofDays(2))}) {
      byte[] payload = codec.encode(withTs(base, ts));
      assertThatThrownBy(() -> validator.validate(topic, payload))
          .isInstanceOfSatisfying(InvalidTelemetryException.class,
              e -> assertThat(e.reason()).isEqualTo(RejectReason.ABSURD_TIMESTAMP));
    }
    assertThat(validator.validate(topic, codec.encode(withTs(base, NOW.plusSeconds(60))))).isNotNull();
  }

  private static Telemetry withTs(Telemetry t, Instant ts) {
    return new Telemetry(t.deviceId(), t.buildingId(), t.floor(), t.zone(), t.deviceType(), ts,
        t.seq(), t.metrics());
  }
}
