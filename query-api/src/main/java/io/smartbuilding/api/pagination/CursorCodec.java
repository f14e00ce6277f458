package io.smartbuilding.api.pagination;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smartbuilding.api.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns a {@link Cursor} into the opaque {@code cursor} token of a list and back. A token is {@code
 * base64url(json) "." base64url(HMAC-SHA256(json))}; the JSON holds a fingerprint of the list's
 * filters and the DynamoDB start keys. The HMAC stops clients from forging start keys (which would
 * let them read past a filter or probe other partitions); the fingerprint stops a cursor from being
 * replayed with other filters, where its keys mean nothing.
 */
@ApplicationScoped
public class CursorCodec {

  public static final String PARAMETER = "cursor";

  private static final Logger LOG = Logger.getLogger(CursorCodec.class);
  private static final String ALGORITHM = "HmacSHA256";
  private static final int MIN_KEY_BYTES = 32;

  /** Longer tokens are refused before any parsing: real ones stay well under 1 kB. */
  private static final int MAX_TOKEN_CHARS = 4096;

  private final ObjectMapper json = new ObjectMapper();
  private final SecretKeySpec key;

  @Inject
  CursorCodec(CursorConfig config) {
    this(config.key().map(CursorCodec::decodeKey).orElseGet(CursorCodec::randomKey));
  }

  public CursorCodec(byte[] key) {
    if (key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "smartbuilding.cursor.key must hold at least " + MIN_KEY_BYTES + " bytes");
    }
    this.key = new SecretKeySpec(key, ALGORITHM);
  }

  /** The page clients see: the listing's items and, unless it is the last page, its cursor. */
  public <T> Page<T> page(Listing<T> listing, String query) {
    return new Page<>(
        listing.items(), listing.next() == null ? null : encode(query, listing.next()));
  }

  /** The token of {@code cursor} for the list whose filters {@code query} describes. */
  public String encode(String query, Cursor cursor) {
    ObjectNode payload = json.createObjectNode();
    payload.put("q", fingerprint(query));
    ObjectNode positions = payload.putObject("p");
    cursor
        .positions()
        .forEach(
            (stream, startKey) -> {
              ObjectNode keyNode = positions.putObject(stream);
              startKey.forEach((attribute, value) -> keyNode.set(attribute, toJson(value)));
            });
    byte[] body;
    try {
      body = json.writeValueAsBytes(payload);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a cursor", e);
    }
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    return base64.encodeToString(body) + "." + base64.encodeToString(sign(body));
  }

  /**
   * The cursor in {@code token}, or {@link Cursor#START} when there is none. A token this API did
   * not issue, or issued for other filters, is a 400 naming {@code cursor}.
   */
  public Cursor decode(String token, String query) {
    if (token == null || token.isEmpty()) {
      return Cursor.START;
    }
    int dot = token.indexOf('.');
    if (token.length() > MAX_TOKEN_CHARS || dot < 0) {
      throw forged();
    }
    byte[] body;
    byte[] signature;
    try {
      Base64.Decoder base64 = Base64.getUrlDecoder();
      body = base64.decode(token.substring(0, dot));
      signature = base64.decode(token.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw forged();
    }
    if (!MessageDigest.isEqual(sign(body), signature)) {
      throw forged();
    }
    JsonNode payload;
    try {
      payload = json.readTree(body);
    } catch (IOException e) {
      throw forged();
    }
    if (!fingerprint(query).equals(payload.path("q").asText())) {
      throw ProblemException.invalidParameter(
          PARAMETER,
          "'cursor' belongs to a list with other filters: send the filters of the request that"
              + " returned it, or start again without a cursor");
    }
    Map<String, Map<String, AttributeValue>> positions = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> streams = payload.path("p").fields();
    while (streams.hasNext()) {
      Map.Entry<String, JsonNode> stream = streams.next();
      Map<String, AttributeValue> startKey = new HashMap<>();
      Iterator<Map.Entry<String, JsonNode>> attributes = stream.getValue().fields();
      while (attributes.hasNext()) {
        Map.Entry<String, JsonNode> attribute = attributes.next();
        startKey.put(attribute.getKey(), fromJson(attribute.getValue()));
      }
      positions.put(stream.getKey(), startKey);
    }
    return new Cursor(positions);
  }

  private static ProblemException forged() {
    return ProblemException.invalidParameter(
        PARAMETER,
        "'cursor' is not a cursor this API issued (it was altered, truncated, or signed with"
            + " another key): start again without a cursor");
  }

  private byte[] sign(byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** Short, so tokens stay short; collisions would only weaken the wrong-filters message. */
  private static String fingerprint(String query) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(query.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  // Keys of this API's tables and indexes are strings and numbers only.
  private ObjectNode toJson(AttributeValue value) {
    ObjectNode node = json.createObjectNode();
    if (value.s() != null) {
      node.put("S", value.s());
    } else if (value.n() != null) {
      node.put("N", value.n());
    } else {
      throw new IllegalArgumentException("a key attribute must be S or N: " + value);
    }
    return node;
  }

  private static AttributeValue fromJson(JsonNode node) {
    if (node.hasNonNull("S")) {
      return AttributeValue.fromS(node.get("S").asText());
    }
    if (node.hasNonNull("N")) {
      return AttributeValue.fromN(node.get("N").asText());
    }
    // Signed by us, so this is a bug in encode, not a client's doing.
    throw new IllegalStateException("cursor key attribute is neither S nor N");
  }

  private static byte[] decodeKey(String configured) {
    String trimmed = configured.strip();
    try {
      return trimmed.contains("-") || trimmed.contains("_")
          ? Base64.getUrlDecoder().decode(trimmed)
          : Base64.getDecoder().decode(trimmed);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("smartbuilding.cursor.key is not base64", e);
    }
  }

  private static byte[] randomKey() {
    LOG.warn(
        "smartbuilding.cursor.key is not set: signing page cursors with a random key. Cursors stop"
            + " working after a restart and on other replicas; set a shared key in production.");
    byte[] key = new byte[MIN_KEY_BYTES];
    new SecureRandom().nextBytes(key);
    return key;
  }
}
