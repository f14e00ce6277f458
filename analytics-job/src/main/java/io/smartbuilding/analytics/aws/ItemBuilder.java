package io.smartbuilding.analytics.aws;

import io.smartbuilding.contracts.tables.StoredTime;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Builds a DynamoDB item in the encoding of docs/contracts: times as fixed-width ISO-8601 UTC strings (StoredTime), numbers
 * as N, enums by name. A null value leaves the attribute out (DynamoDB has no typed null).
 *
 * <p>DynamoDB numbers have a narrower range than doubles and no NaN or Infinity; one bad number
 * would fail the whole write, again on every restore. So a NaN is left out (like null), a number
 * beyond +-{@value #MAX_DYNAMODB} (Infinity included) is clamped to it, and one closer to zero
 * than 1e-130 is written as 0. Each is counted in {@link #sanitizedNumbers()}, which the sinks
 * report as the {@value #SANITIZED_METRIC} gauge.
 */
public final class ItemBuilder {

  public static final String SANITIZED_METRIC = "numbersSanitized";
  static final String MAX_DYNAMODB = "9.9999999999999999999999999999999999999E+125";
  private static final BigDecimal MAX = new BigDecimal(MAX_DYNAMODB);
  private static final BigDecimal MIN_MAGNITUDE = new BigDecimal("1E-130");
  // per JVM: the builder is used from static converters that have no metric group
  private static final AtomicLong SANITIZED = new AtomicLong();

  private final Map<String, AttributeValue> item = new LinkedHashMap<>();

  /** Numbers clamped or left out in this JVM since it started. */
  public static long sanitizedNumbers() {
    return SANITIZED.get();
  }

  public ItemBuilder string(String name, String value) {
    if (value != null) {
      item.put(name, AttributeValue.fromS(value));
    }
    return this;
  }

  public ItemBuilder string(String name, Enum<?> value) {
    return string(name, value == null ? null : value.name());
  }

  public ItemBuilder time(String name, Instant value) {
    return string(name, value == null ? null : StoredTime.format(value));
  }

  public ItemBuilder number(String name, long value) {
    item.put(name, AttributeValue.fromN(Long.toString(value)));
    return this;
  }

  public ItemBuilder number(String name, Double value) {
    if (value != null && !Double.isNaN(value)) {
      item.put(name, AttributeValue.fromN(decimal(value)));
    } else if (value != null) {
      SANITIZED.incrementAndGet();
    }
    return this;
  }

  /** A map of N, like the {@code metrics} attribute. */
  public ItemBuilder numberMap(String name, Map<String, Double> values) {
    Map<String, AttributeValue> map = new LinkedHashMap<>();
    values.forEach(
        (k, v) -> {
          if (Double.isNaN(v)) {
            SANITIZED.incrementAndGet();
          } else {
            map.put(k, AttributeValue.fromN(decimal(v)));
          }
        });
    item.put(name, AttributeValue.fromM(map));
    return this;
  }

  /** A list (L) of N, kept in the given order. */
  public ItemBuilder numberList(String name, Collection<? extends Number> values) {
    item.put(
        name,
        AttributeValue.fromL(
            values.stream()
                .filter(ItemBuilder::isNumber)
                .map(v -> AttributeValue.fromN(v instanceof Double d ? decimal(d) : v.toString()))
                .toList()));
    return this;
  }

  /** A list (L) of S, kept in the given order. */
  public ItemBuilder stringList(String name, Collection<String> values) {
    item.put(name, AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList()));
    return this;
  }

  public Map<String, AttributeValue> build() {
    return Map.copyOf(item);
  }

  private static boolean isNumber(Number value) {
    if (value instanceof Double d && d.isNaN()) {
      SANITIZED.incrementAndGet();
      return false;
    }
    return true;
  }

  // Shortest plain decimal ("71.5", "60", "0.00001"): no exponent, so every reader parses it.
  // Not NaN (left out by the callers); infinities and out-of-range numbers are clamped.
  static String decimal(double value) {
    if (Double.isInfinite(value)) {
      SANITIZED.incrementAndGet();
      return (value > 0 ? MAX : MAX.negate()).toPlainString();
    }
    BigDecimal d = BigDecimal.valueOf(value);
    if (d.abs().compareTo(MAX) > 0) {
      SANITIZED.incrementAndGet();
      d = d.signum() > 0 ? MAX : MAX.negate();
    } else if (d.signum() != 0 && d.abs().compareTo(MIN_MAGNITUDE) < 0) {
      SANITIZED.incrementAndGet();
      d = BigDecimal.ZERO;
    }
    return d.stripTrailingZeros().toPlainString();
  }
}
