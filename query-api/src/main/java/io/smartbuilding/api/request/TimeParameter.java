package io.smartbuilding.api.request;

import io.smartbuilding.api.problem.Abbreviated;
import io.smartbuilding.api.problem.ProblemException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** A date-time query parameter such as {@code from} and {@code to}: ISO-8601 with an offset. */
public final class TimeParameter {

  public static final String EXAMPLE = "2025-03-01T08:00:00Z";

  private static final Instant EARLIEST = Instant.EPOCH;
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

  private TimeParameter() {}

  /** Empty for a null or empty value. */
  public static Optional<Instant> parse(String parameter, String value) {
    if (value == null || value.isEmpty()) {
      return Optional.empty();
    }
    Instant instant;
    try {
      instant = OffsetDateTime.parse(value.strip()).toInstant();
    } catch (DateTimeParseException e) {
      String shown = Abbreviated.to(value, 80);
      throw ProblemException.invalidParameter(
          parameter,
          "'"
              + parameter
              + "' must be an ISO-8601 date-time with a zone offset, such as "
              + EXAMPLE
              + " (got '"
              + shown
              + "')");
    }
    // Stored times are fixed-width four-digit years; outside this range they would neither sort
    // nor compare as times (and the index ranges they bound would be wrong).
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      throw ProblemException.invalidParameter(
          parameter,
          "'"
              + parameter
              + "' must lie between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z (got "
              + instant
              + ")");
    }
    return Optional.of(instant);
  }

  /** Refuses a range whose end is not after its start. */
  public static void requireOrdered(Optional<Instant> from, Optional<Instant> to) {
    if (from.isPresent() && to.isPresent() && !to.get().isAfter(from.get())) {
      throw ProblemException.invalidParameter(
          "to", "'to' must be after 'from' (got from " + from.get() + ", to " + to.get() + ")");
    }
  }
}
