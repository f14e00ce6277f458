package io.smartbuilding.contracts.tables;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * How times are stored in the tables: ISO-8601 UTC with exactly three fraction digits, e.g.
 * {@code 2026-11-25T08:15:30.000Z}. Fixed width matters because {@code openedAt} is an index sort
 * key and DynamoDB compares strings: {@code Instant.toString()} would write {@code ...:30Z}, which
 * sorts after {@code ...:30.500Z}.
 */
public final class StoredTime {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private StoredTime() {}

  public static String format(Instant instant) {
    return FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }

  public static Instant parse(String stored) {
    return Instant.parse(stored);
  }
}
