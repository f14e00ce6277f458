package io.smartbuilding.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartbuilding.contracts.telemetry.InvalidTelemetryException;
import io.smartbuilding.contracts.telemetry.Telemetry;
import io.smartbuilding.contracts.telemetry.TelemetryCodec;
import io.smartbuilding.contracts.telemetry.TelemetryTopic;
import io.smartbuilding.contracts.testing.ContractExamples;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Mutated valid payloads (and topics) never crash the validator: it either accepts a message,
 * which then survives a re-encode unchanged, or refuses it with a reason. Any other exception
 * would reach Paho's callback thread and drop the connection.
 */
class TelemetryValidatorPropertyTest {

  private static final TelemetryCodec CODEC = new TelemetryCodec();
  private static final List<byte[]> VALID =
      ContractExamples.validTelemetry().stream().map(ContractExamples.Example::payload).toList();
  /** Tokens that tend to break parsers and validators when dropped into JSON. */
  private static final List<String> TOKENS = List.of(
      "null", "\"\"", "-1", "0", "1e400", "-0.0", "NaN", "9223372036854775808", "[]", "{}",
      "\"\\ud800\"", "\"\\u0000\"", "true", "\"b1\"", "\"2026-11-25T09:00:00Z\"", ",", ":", "\"",
      "{\"seq\":1}", "\"seq\":2,", "\"metrics\":{},", "\"x\":" + "[".repeat(2000));

  /** One test case: which example, the mutation's random seed, how many edits, and the topic. */
  record Case(int example, long seed, int edits, int topicVariant) {}

  @Provide
  Arbitrary<Case> cases() {
    return Combinators.combine(
            Arbitraries.integers().between(0, VALID.size() - 1),
            Arbitraries.longs(),
            Arbitraries.integers().between(0, 4),
            Arbitraries.integers().between(0, 5))
        .as(Case::new);
  }

  @Property(tries = 2000)
  void acceptsWithARoundTripOrRefusesWithAReason(@ForAll("cases") Case c) throws Exception {
    byte[] original = VALID.get(c.example());
    Telemetry base = CODEC.decode(original);
    // The clock sits at the example's own timestamp, so mutated timestamps are judged, not the date.
    TelemetryValidator validator = new TelemetryValidator(CODEC,
        Clock.fixed(base.ts(), ZoneOffset.UTC), Duration.ofMinutes(5), Duration.ofDays(1));
    Random random = new Random(c.seed());
    byte[] payload = original;
    for (int i = 0; i < c.edits(); i++) {
      payload = mutate(payload, random);
    }
    String topic = topic(base, c.topicVariant());

    Telemetry accepted;
    try {
      accepted = validator.validate(topic, payload);
    } catch (InvalidTelemetryException refused) {
      assertThat(refused.reason()).isNotNull();
      Statistics.collect(refused.reason().name());
      return;
    }
    Statistics.collect("ACCEPTED");
    byte[] reencoded = CODEC.encode(accepted);
    assertThat(CODEC.decode(reencoded)).isEqualTo(accepted);
    assertThat(validator.validate(topic, reencoded)).isEqualTo(accepted);
  }

  private static String topic(Telemetry t, int variant) {
    return switch (variant) {
      case 0, 1, 2 -> TelemetryTopic.of(t.buildingId(), t.deviceId());
      case 3 -> TelemetryTopic.of(t.buildingId(), t.deviceId() + "x");
      case 4 -> "buildings/" + t.buildingId() + "/devices/" + t.deviceId();
      default -> "buildings//devices//telemetry";
    };
  }

  private static byte[] mutate(byte[] in, Random random) {
    if (in.length == 0) {
      return TOKENS.get(random.nextInt(TOKENS.size())).getBytes(StandardCharsets.UTF_8);
    }
    int at = random.nextInt(in.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + 64);
    switch (random.nextInt(6)) {
      case 0 -> { // flip a byte to anything, including invalid UTF-8
        byte[] copy = in.clone();
        copy[at] = (byte) random.nextInt(256);
        return copy;
      }
      case 1 -> { // delete a run
        int len = 1 + random.nextInt(Math.min(16, in.length - at));
        out.write(in, 0, at);
        out.write(in, at + len, in.length - at - len);
      }
      case 2 -> { // insert a troublesome token
        out.write(in, 0, at);
        out.writeBytes(TOKENS.get(random.nextInt(TOKENS.size())).getBytes(StandardCharsets.UTF_8));
        out.write(in, at, in.length - at);
      }
      case 3 -> { // replace the value after a colon with a token
        int colon = indexOf(in, (byte) ':', at);
        if (colon < 0) {
          return in;
        }
        int end = colon + 1;
        while (end < in.length && in[end] != ',' && in[end] != '}') {
          end++;
        }
        out.write(in, 0, colon + 1);
        out.writeBytes(TOKENS.get(random.nextInt(TOKENS.size())).getBytes(StandardCharsets.UTF_8));
        out.write(in, end, in.length - end);
      }
      case 4 -> { // truncate
        out.write(in, 0, at);
      }
      default -> { // swap a digit for another digit: stays well-formed, changes values
        byte[] copy = in.clone();
        for (int i = 0; i < copy.length; i++) {
          int j = (at + i) % copy.length;
          if (copy[j] >= '0' && copy[j] <= '9') {
            copy[j] = (byte) ('0' + random.nextInt(10));
            break;
          }
        }
        return copy;
      }
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] in, byte b, int from) {
    for (int i = from; i < in.length; i++) {
      if (in[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
