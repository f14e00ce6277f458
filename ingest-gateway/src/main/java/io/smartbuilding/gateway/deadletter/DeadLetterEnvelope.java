package io.smartbuilding.gateway.deadletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Base64;

/**
 * The JSON written to the dead-letter stream for one refused message (docs/contracts/dead-letters.md).
 * The payload is base64 so binary garbage survives, and cut to {@code maxPayloadBytes} so a huge
 * payload cannot make a Kinesis record that Kinesis would refuse forever (1 MiB per record).
 */
public final class DeadLetterEnvelope {

  /** The detail is a diagnostic; a bound keeps a pathological one from bloating every record. */
  static final int MAX_DETAIL_CHARS = 2000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final int maxPayloadBytes;

  public DeadLetterEnvelope(int maxPayloadBytes) {
    if (maxPayloadBytes < 0 || maxPayloadBytes > 512 * 1024) {
      throw new IllegalArgumentException("max payload bytes must be 0..524288, got " + maxPayloadBytes);
    }
    this.maxPayloadBytes = maxPayloadBytes;
  }

  public byte[] encode(DeadLetter letter) {
    byte[] payload = letter.payload();
    boolean truncated = payload.length > maxPayloadBytes;
    byte[] kept = truncated ? Arrays.copyOf(payload, maxPayloadBytes) : payload;
    String detail = letter.detail() == null ? "" : letter.detail();
    if (detail.length() > MAX_DETAIL_CHARS) {
      detail = detail.substring(0, MAX_DETAIL_CHARS) + "...";
    }
    ObjectNode node = JSON.createObjectNode();
    node.put("reason", letter.reason().name());
    node.put("detail", detail);
    node.put("topic", letter.topic());
    node.put("receivedAt", letter.receivedAt().toString());
    node.put("payloadBytes", payload.length);
    node.put("payloadTruncated", truncated);
    node.put("payloadBase64", Base64.getEncoder().encodeToString(kept));
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serializes", e);
    }
  }
}
