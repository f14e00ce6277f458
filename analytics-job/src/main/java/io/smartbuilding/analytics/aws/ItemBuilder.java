package io.smartbuilding.analytics.aws;

import io.smartbuilding.contracts.tables.StoredTime;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Builds a DynamoDB item in the encoding of docs/contracts: times as fixed-width ISO-8601 UTC strings (StoredTime), numbers
 * as N, enums by name. A null value leaves the attribute out (DynamoDB has no typed null).
 */
public final class ItemBuilder {

  private final Map<String, AttributeValue> item = new LinkedHashMap<>();

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
    if (value != null) {
      item.put(name, AttributeValue.fromN(decimal(value)));
    }
    return this;
  }

  /** A map of N, like the {@code metrics} attribute. */
  public ItemBuilder numberMap(String name, Map<String, Double> values) {
    Map<String, AttributeValue> map = new LinkedHashMap<>();
    values.forEach((k, v) -> map.put(k, AttributeValue.fromN(decimal(v))));
    item.put(name, AttributeValue.fromM(map));
    return this;
  }

  /** A list (L) of N, kept in the given order. */
  public ItemBuilder numberList(String name, Collection<? extends Number> values) {
    item.put(
        name,
        AttributeValue.fromL(
            values.stream().map(v -> AttributeValue.fromN(v.toString())).toList()));
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

  // Shortest plain decimal ("71.5", "60", "0.00001"): no exponent, so every reader parses it.
  private static String decimal(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
