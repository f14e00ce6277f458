package io.smartbuilding.gateway.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smartbuilding.contracts.telemetry.RejectReason;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DeadLetterEnvelopeTest {

  private static final Instant AT = Instant.parse("2026-11-25T09:00:00.123Z");
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void keepsABinaryPayloadByteForByte() throws Exception {
    byte[] garbage = {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0xc3, 0x28, '{'};
    DeadLetter letter = new DeadLetter(RejectReason.MALFORMED_JSON, "not UTF-8",
        "buildings/b1/devices/d1/telemetry", AT, garbage);

    JsonNode node = json.readTree(new DeadLetterEnvelope(1024).encode(letter));

    assertThat(node.get("reason").asText()).isEqualTo("MALFORMED_JSON");
    assertThat(node.get("detail").asText()).isEqualTo("not UTF-8");
    assertThat(node.get("topic").asText()).isEqualTo("buildings/b1/devices/d1/telemetry");
    assertThat(node.get("receivedAt").asText()).isEqualTo("2026-11-25T09:00:00.123Z");
    assertThat(node.get("payloadBytes").asInt()).isEqualTo(garbage.length);
    assertThat(node.get("payloadTruncated").asBoolean()).isFalse();
    assertThat(Base64.getDecoder().decode(node.get("payloadBase64").asText())).isEqualTo(garbage);
  }

  @Test
  void cutsAHugePayloadAndSaysSo() throws Exception {
    byte[] huge = new byte[100_000];
    Arrays.fill(huge, (byte) 'x');
    DeadLetter letter = new DeadLetter(RejectReason.OVERSIZED, "too big", "t", AT, huge);

    JsonNode node = json.readTree(new DeadLetterEnvelope(4096).encode(letter));

    assertThat(node.get("payloadBytes").asInt()).isEqualTo(100_000);
    assertThat(node.get("payloadTruncated").asBoolean()).isTrue();
    assertThat(Base64.getDecoder().decode(node.get("payloadBase64").asText()))
        .isEqualTo(Arrays.copyOf(huge, 4096));
  }

  @Test
  void partitionKeyIsTheTopicCutToWhatKinesisAccepts() {
    String longTopic = "buildings/b1/devices/" + "é".repeat(400) + "/telemetry";
    DeadLetter letter = new DeadLetter(RejectReason.TOPIC_MISMATCH, "", longTopic, AT, new byte[0]);

    assertThat(letter.partitionKey()).hasSize(256).startsWith("buildings/b1/devices/é");
    assertThat(new DeadLetter(RejectReason.TOPIC_MISMATCH, "", "a/b", AT, new byte[0]).partitionKey())
        .isEqualTo("a/b");
  }
}
