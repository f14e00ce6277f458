package io.smartbuilding.contracts.telemetry;

import static io.smartbuilding.contracts.telemetry.RejectReason.INVALID_VALUE;
import static io.smartbuilding.contracts.telemetry.RejectReason.MALFORMED_JSON;
import static io.smartbuilding.contracts.telemetry.RejectReason.MISSING_FIELD;
import static io.smartbuilding.contracts.telemetry.RejectReason.OVERSIZED;
import static io.smartbuilding.contracts.telemetry.RejectReason.UNKNOWN_DEVICE_TYPE;
import static io.smartbuilding.contracts.telemetry.RejectReason.WRONG_TYPE;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes the telemetry JSON of docs/contracts/telemetry.md. Decoding is strict: every
 * required field present with the right JSON type, identifiers from a safe alphabet, finite metric
 * values. Each refusal names the field, so a dead-letter record tells an operator what to fix.
 *
 * <p>Thread-safe; share one instance.
 */
public final class TelemetryCodec {

  /** Largest payload accepted; real readings are a few hundred bytes. */
  public static final int MAX_PAYLOAD_BYTES = 16 * 1024;

  public static final int MAX_METRICS = 64;
  public static final int MIN_FLOOR = -10;
  public static final int MAX_FLOOR = 300;

  /**
   * Largest magnitude a metric may have. Far above any sensor's range (a cumulative energy meter
   * stays below 1e10 kWh), and far below what breaks downstream: DynamoDB numbers end near 1e125,
   * and rates of change computed from such values must not overflow to infinity.
   */
  public static final double MAX_ABS_METRIC = 1e12;

  private final ObjectMapper mapper;
  private final JsonFactory factory;

  public TelemetryCodec() {
    JsonFactory json =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(8).maxStringLength(4096).build())
            .build();
    this.mapper = new ObjectMapper(json);
    this.factory = json;
  }

  public Telemetry decode(byte[] payload) throws InvalidTelemetryException {
    if (payload.length > MAX_PAYLOAD_BYTES) {
      throw new InvalidTelemetryException(
          OVERSIZED, "payload is " + payload.length + " bytes, limit " + MAX_PAYLOAD_BYTES);
    }
    JsonNode root;
    try {
      root = mapper.readTree(payload);
    } catch (JsonProcessingException e) {
      throw new InvalidTelemetryException(MALFORMED_JSON, "not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InvalidTelemetryException(MALFORMED_JSON, "not JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new InvalidTelemetryException(MALFORMED_JSON, "payload must be a JSON object");
    }
    String deviceId = identifier(root, "deviceId");
    String buildingId = identifier(root, "buildingId");
    int floor = (int) integer(root, "floor", MIN_FLOOR, MAX_FLOOR);
    String zone = identifier(root, "zone");
    DeviceType deviceType = deviceType(root);
    Instant ts = timestamp(root);
    long seq = integer(root, "seq", 0, Long.MAX_VALUE);
    Map<String, Double> metrics = metrics(root);
    return new Telemetry(deviceId, buildingId, floor, zone, deviceType, ts, seq, metrics);
  }

  public byte[] encode(Telemetry t) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("deviceId", t.deviceId());
      g.writeStringField("buildingId", t.buildingId());
      g.writeNumberField("floor", t.floor());
      g.writeStringField("zone", t.zone());
      g.writeStringField("deviceType", t.deviceType().name());
      g.writeStringField("ts", t.ts().toString());
      g.writeNumberField("seq", t.seq());
      g.writeObjectFieldStart("metrics");
      for (Map.Entry<String, Double> m : t.metrics().entrySet()) {
        g.writeNumberField(m.getKey(), m.getValue());
      }
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // writing to memory cannot fail
    }
    return out.toByteArray();
  }

  private static JsonNode required(JsonNode root, String field) throws InvalidTelemetryException {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      throw new InvalidTelemetryException(MISSING_FIELD, "missing field '" + field + "'");
    }
    return node;
  }

  private static String identifier(JsonNode root, String field) throws InvalidTelemetryException {
    JsonNode node = required(root, field);
    if (!node.isTextual()) {
      throw new InvalidTelemetryException(WRONG_TYPE, "'" + field + "' must be a string");
    }
    String value = node.textValue();
    if (!Identifiers.isValid(value)) {
      throw new InvalidTelemetryException(
          INVALID_VALUE,
          "'" + field + "' must be 1-64 characters of letters, digits and _.:- (got '"
              + abbreviate(value) + "')");
    }
    return value;
  }

  private static long integer(JsonNode root, String field, long min, long max)
      throws InvalidTelemetryException {
    JsonNode node = required(root, field);
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw new InvalidTelemetryException(WRONG_TYPE, "'" + field + "' must be an integer");
    }
    long value = node.longValue();
    if (value < min || value > max) {
      throw new InvalidTelemetryException(
          INVALID_VALUE, "'" + field + "' must be between " + min + " and " + max + ", got " + value);
    }
    return value;
  }

  private static DeviceType deviceType(JsonNode root) throws InvalidTelemetryException {
    JsonNode node = required(root, "deviceType");
    if (!node.isTextual()) {
      throw new InvalidTelemetryException(WRONG_TYPE, "'deviceType' must be a string");
    }
    try {
      return DeviceType.valueOf(node.textValue());
    } catch (IllegalArgumentException e) {
      throw new InvalidTelemetryException(
          UNKNOWN_DEVICE_TYPE, "unknown deviceType '" + abbreviate(node.textValue()) + "'");
    }
  }

  private static Instant timestamp(JsonNode root) throws InvalidTelemetryException {
    JsonNode node = required(root, "ts");
    if (!node.isTextual()) {
      throw new InvalidTelemetryException(WRONG_TYPE, "'ts' must be an ISO-8601 UTC string");
    }
    try {
      return Instant.parse(node.textValue());
    } catch (DateTimeParseException e) {
      throw new InvalidTelemetryException(
          INVALID_VALUE,
          "'ts' must be ISO-8601 UTC like 2026-01-31T12:00:00Z, got '"
              + abbreviate(node.textValue()) + "'");
    }
  }

  private static Map<String, Double> metrics(JsonNode root) throws InvalidTelemetryException {
    JsonNode node = required(root, "metrics");
    if (!node.isObject()) {
      throw new InvalidTelemetryException(WRONG_TYPE, "'metrics' must be an object");
    }
    if (node.isEmpty() || node.size() > MAX_METRICS) {
      throw new InvalidTelemetryException(
          INVALID_VALUE, "'metrics' must hold 1 to " + MAX_METRICS + " values, got " + node.size());
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!isMetricName(e.getKey())) {
        throw new InvalidTelemetryException(
            INVALID_VALUE, "metric name '" + abbreviate(e.getKey()) + "' must be camelCase ASCII");
      }
      if (!e.getValue().isNumber()) {
        throw new InvalidTelemetryException(
            WRONG_TYPE, "metric '" + e.getKey() + "' must be a number");
      }
      double value = e.getValue().doubleValue();
      if (!Double.isFinite(value) || Math.abs(value) > MAX_ABS_METRIC) {
        throw new InvalidTelemetryException(
            INVALID_VALUE,
            "metric '" + e.getKey() + "' must be a finite number within +-" + MAX_ABS_METRIC);
      }
      metrics.put(e.getKey(), value);
    }
    return metrics;
  }

  /**
   * camelCase ASCII: a lower-case letter, then up to 63 letters or digits. A loop, not a regex:
   * this runs for every metric of every message in the gateway and the Flink job.
   */
  static boolean isMetricName(String name) {
    int length = name.length();
    if (length == 0 || length > 64) {
      return false;
    }
    char first = name.charAt(0);
    if (first < 'a' || first > 'z') {
      return false;
    }
    for (int i = 1; i < length; i++) {
      char c = name.charAt(i);
      boolean letterOrDigit =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!letterOrDigit) {
        return false;
      }
    }
    return true;
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
