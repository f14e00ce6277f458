package io.smartbuilding.api.request;

import io.smartbuilding.api.problem.ProblemException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** A date-time query parameter such as {@code from} and {@code to}: ISO-8601 with an offset. */
public final class TimeParameter {

  public static final String EXAMPLE = "2025-03-01T08:00:00Z";

  private TimeParameter() {}

  /** Empty for a null or empty value. */
  public static Optional<Instant> parse(String parameter, String value) {
    if (value == null || value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(value.strip()).toInstant());
    } catch (DateTimeParseException e) {
      String shown = value.length() <= 80 ? value : value.substring(0, 80) + "...";
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
  }

  /** Refuses a range whose end is not after its start. */
  public static void requireOrdered(Optional<Instant> from, Optional<Instant> to) {
    if (from.isPresent() && to.isPresent() && !to.get().isAfter(from.get())) {
      throw ProblemException.invalidParameter(
          "to", "'to' must be after 'from' (got from " + from.get() + ", to " + to.get() + ")");
    }
  }
}
