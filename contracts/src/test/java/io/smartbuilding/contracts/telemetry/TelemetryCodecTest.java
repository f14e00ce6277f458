package io.smartbuilding.contracts.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartbuilding.contracts.testing.ContractExamples;
import io.smartbuilding.contracts.testing.ContractExamples.Example;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TelemetryCodecTest {

  private final TelemetryCodec codec = new TelemetryCodec();

  static Iterable<Example> valid() {
    return ContractExamples.validTelemetry();
  }

  static Iterable<Example> invalid() {
    return ContractExamples.invalidTelemetry();
  }

  @ParameterizedTest
  @MethodSource("valid")
  void acceptsEveryValidExampleAndRoundTripsIt(Example example) throws Exception {
    Telemetry decoded = codec.decode(example.payload());

    assertThat(codec.decode(codec.encode(decoded))).isEqualTo(decoded);
    assertThat(decoded.metrics()).isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void refusesEveryInvalidExampleWithItsReason(Example example) {
    assertThatThrownBy(() -> codec.decode(example.payload()))
        .isInstanceOf(InvalidTelemetryException.class)
        .satisfies(e -> assertThat(((InvalidTelemetryException) e).reason())
            .isEqualTo(example.expectedReason()));
  }

  @org.junit.jupiter.api.Test
  void readsTheDocumentedFields() throws Exception {
    Telemetry t = codec.decode(ContractExamples.read("zone-sensor.json"));

    assertThat(t.deviceId()).isEqualTo("b1-f2-zs-01");
    assertThat(t.buildingId()).isEqualTo("b1");
    assertThat(t.floor()).isEqualTo(2);
    assertThat(t.zone()).isEqualTo("f2-east");
    assertThat(t.deviceType()).isEqualTo(DeviceType.ZONE_SENSOR);
    assertThat(t.ts()).isEqualTo(Instant.parse("2026-11-25T08:15:30.120Z"));
    assertThat(t.seq()).isEqualTo(42);
    assertThat(t.metric("co2Ppm")).isEqualTo(655.0);
  }

  @org.junit.jupiter.api.Test
  void refusesOversizedPayloadsBeforeParsing() {
    byte[] huge = ("{\"x\":\"" + "a".repeat(TelemetryCodec.MAX_PAYLOAD_BYTES) + "\"}")
        .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> codec.decode(huge))
        .satisfies(e -> assertThat(((InvalidTelemetryException) e).reason())
            .isEqualTo(RejectReason.OVERSIZED));
  }

  @org.junit.jupiter.api.Test
  void refusesDeeplyNestedPayloads() {
    byte[] nested = ("[".repeat(100) + "]".repeat(100)).getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> codec.decode(nested))
        .satisfies(e -> assertThat(((InvalidTelemetryException) e).reason())
            .isEqualTo(RejectReason.MALFORMED_JSON));
  }

  @Property(tries = 300)
  void encodeThenDecodeIsIdentity(
      @ForAll @IntRange(min = TelemetryCodec.MIN_FLOOR, max = TelemetryCodec.MAX_FLOOR) int floor,
      @ForAll @LongRange(min = 0) long seq,
      @ForAll @DoubleRange(min = -1e9, max = 1e9) double value,
      @ForAll @LongRange(min = 0, max = 4_000_000_000_000L) long epochMillis,
      @ForAll DeviceType type) throws Exception {
    Telemetry t = new Telemetry("dev-1", "b-9", floor, "zone.a", type,
        Instant.ofEpochMilli(epochMillis), seq, Map.of("temperatureC", value, "humidityPct", 1.5));

    assertThat(codec.decode(codec.encode(t))).isEqualTo(t);
  }

  @Property(tries = 500)
  void neverThrowsAnythingButInvalidTelemetryOnArbitraryBytes(@ForAll byte[] bytes) {
    try {
      codec.decode(bytes);
    } catch (InvalidTelemetryException expected) {
      assertThat(expected.reason()).isNotNull();
    }
  }
}
