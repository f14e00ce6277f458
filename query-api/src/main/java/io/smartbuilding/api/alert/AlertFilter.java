package io.smartbuilding.api.alert;

import io.smartbuilding.api.problem.ProblemException;
import io.smartbuilding.api.request.Identifier;
import io.smartbuilding.contracts.alert.AlertStatus;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The validated query parameters of GET /api/v1/alerts. */
public record AlertFilter(Optional<String> buildingId, Optional<AlertStatus> status, int limit) {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 500;
  public static final String STATUS_VALUES =
      Arrays.stream(AlertStatus.values())
          .map(AlertStatus::wireValue)
          .collect(Collectors.joining(", "));

  /**
   * Parses the raw query parameters. Null or empty means absent: the REST layer already hands an
   * empty {@code ?status=} over as null, and the rule should not depend on who calls.
   */
  public static AlertFilter parse(String buildingId, String status, String limit) {
    return new AlertFilter(
        present(buildingId).map(id -> Identifier.requireValid("buildingId", id)),
        present(status).map(AlertFilter::status),
        present(limit).map(AlertFilter::limit).orElse(DEFAULT_LIMIT));
  }

  private static Optional<String> present(String value) {
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  private static AlertStatus status(String value) {
    return AlertStatus.fromWire(value)
        .orElseThrow(
            () ->
                ProblemException.invalidParameter(
                    "status",
                    "'status' must be one of " + STATUS_VALUES + " (got '" + value + "')"));
  }

  private static int limit(String value) {
    String rule =
        "'limit' must be a whole number from 1 to " + MAX_LIMIT + " (got '" + value + "')";
    int parsed;
    try {
      parsed = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw ProblemException.invalidParameter("limit", rule);
    }
    if (parsed < 1 || parsed > MAX_LIMIT) {
      throw ProblemException.invalidParameter("limit", rule);
    }
    return parsed;
  }
}
