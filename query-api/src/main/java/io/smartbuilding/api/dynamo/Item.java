package io.smartbuilding.api.dynamo;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Typed reads of one DynamoDB item as the table contracts describe it. A missing attribute reads as
 * null (or an empty collection), so an item written by an older analytics-job still maps; an
 * attribute of the wrong type is a broken contract and fails loudly.
 */
public final class Item {

  private final Map<String, AttributeValue> attributes;

  private Item(Map<String, AttributeValue> attributes) {
    this.attributes = attributes;
  }

  public static Item of(Map<String, AttributeValue> attributes) {
    return new Item(attributes == null ? Map.of() : attributes);
  }

  public String string(String name) {
    return scalar(name, AttributeValue::s, "a string");
  }

  public Integer integer(String name) {
    String number = number(name);
    return number == null ? null : Integer.valueOf(number);
  }

  public Long longInteger(String name) {
    String number = number(name);
    return number == null ? null : Long.valueOf(number);
  }

  public Double decimal(String name) {
    String number = number(name);
    return number == null ? null : Double.valueOf(number);
  }

  /** An ISO-8601 UTC time, as the contracts store every time. */
  public Instant instant(String name) {
    String text = string(name);
    if (text == null) {
      return null;
    }
    try {
      return parseInstant(text);
    } catch (DateTimeException e) {
      throw broken(name, "an ISO-8601 time");
    }
  }

  /** A map of numbers (M of N), keeping the stored key order. */
  public Map<String, Double> numberMap(String name) {
    AttributeValue value = present(name);
    if (value == null) {
      return Map.of();
    }
    if (!value.hasM()) {
      throw broken(name, "a map of numbers");
    }
    Map<String, Double> numbers = new LinkedHashMap<>();
    value
        .m()
        .forEach(
            (key, entry) -> {
              if (entry.n() == null) {
                throw broken(name + "." + key, "a number");
              }
              numbers.put(key, Double.valueOf(entry.n()));
            });
    return Collections.unmodifiableMap(numbers);
  }

  /** A list of numbers stored as L of N or as a number set (NS). */
  public List<Integer> integerList(String name) {
    AttributeValue value = present(name);
    if (value == null) {
      return List.of();
    }
    List<Integer> numbers = new ArrayList<>();
    if (value.hasNs()) {
      value.ns().forEach(n -> numbers.add(Integer.valueOf(n)));
    } else if (value.hasL()) {
      for (AttributeValue element : value.l()) {
        if (element.n() == null) {
          throw broken(name, "a list of numbers");
        }
        numbers.add(Integer.valueOf(element.n()));
      }
    } else {
      throw broken(name, "a list of numbers");
    }
    return List.copyOf(numbers);
  }

  /** A list of strings stored as L of S or as a string set (SS). */
  public List<String> stringList(String name) {
    AttributeValue value = present(name);
    if (value == null) {
      return List.of();
    }
    if (value.hasSs()) {
      return List.copyOf(value.ss());
    }
    if (value.hasL()) {
      List<String> strings = new ArrayList<>();
      for (AttributeValue element : value.l()) {
        if (element.s() == null) {
          throw broken(name, "a list of strings");
        }
        strings.add(element.s());
      }
      return List.copyOf(strings);
    }
    throw broken(name, "a list of strings");
  }

  /**
   * The contracts' fixed-width form ({@code 2025-03-01T08:15:30.123Z}, StoredTime) read directly:
   * {@code Instant.parse} (a DateTimeFormatter) was most of the CPU of mapping items in a profile,
   * and a page of alerts parses hundreds of times. Other ISO-8601 forms go through it unchanged.
   */
  static Instant parseInstant(String text) {
    if (text.length() == 24
        && text.charAt(4) == '-'
        && text.charAt(7) == '-'
        && text.charAt(10) == 'T'
        && text.charAt(13) == ':'
        && text.charAt(16) == ':'
        && text.charAt(19) == '.'
        && text.charAt(23) == 'Z') {
      int year = digits(text, 0, 4);
      int month = digits(text, 5, 7);
      int day = digits(text, 8, 10);
      int hour = digits(text, 11, 13);
      int minute = digits(text, 14, 16);
      int second = digits(text, 17, 19);
      int millis = digits(text, 20, 23);
      if ((year | month | day | hour | minute | second | millis) >= 0
          && hour < 24
          && minute < 60
          && second < 60) {
        // LocalDate.of refuses month 13 or February 30 as Instant.parse does.
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(
            epochDay * 86_400 + hour * 3_600L + minute * 60L + second, millis * 1_000_000L);
      }
    }
    return Instant.parse(text);
  }

  /** The decimal digits text[from, to) as a number, or -1 if any is not a digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** DynamoDB sends numbers as text; the typed readers above parse it. */
  private String number(String name) {
    return scalar(name, AttributeValue::n, "a number");
  }

  /** The attribute read as one type, null when absent, failing when stored as another type. */
  private String scalar(String name, Function<AttributeValue, String> read, String expected) {
    AttributeValue value = present(name);
    if (value == null) {
      return null;
    }
    String text = read.apply(value);
    if (text == null) {
      throw broken(name, expected);
    }
    return text;
  }

  private AttributeValue present(String name) {
    AttributeValue value = attributes.get(name);
    return value == null || Boolean.TRUE.equals(value.nul()) ? null : value;
  }

  private static MalformedItemException broken(String attribute, String expected) {
    return new MalformedItemException("attribute '" + attribute + "' is not " + expected);
  }
}
