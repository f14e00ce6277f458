package io.smartbuilding.api.alert;

import io.smartbuilding.api.pagination.PageLimit;
import io.smartbuilding.api.request.Choices;
import io.smartbuilding.api.request.Identifier;
import io.smartbuilding.api.request.TimeParameter;
import io.smartbuilding.contracts.alert.AlertStatus;
import io.smartbuilding.contracts.alert.AlertType;
import io.smartbuilding.contracts.alert.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The validated query parameters of GET /api/v1/alerts. Every filter is optional; the lists
 * (statuses, severities, types) mean "any" when empty. {@code from} is inclusive and {@code to}
 * exclusive, both on openedAt.
 */
public record AlertFilter(
    Optional<String> buildingId,
    Optional<String> deviceId,
    List<AlertStatus> statuses,
    List<Severity> severities,
    List<AlertType> types,
    Optional<Instant> from,
    Optional<Instant> to,
    int limit) {

  public static final String STATUS_VALUES =
      Choices.allowed(AlertStatus.class, AlertStatus::wireValue);
  public static final String SEVERITY_VALUES = Choices.allowed(Severity.class, Severity::name);
  public static final String TYPE_VALUES = Choices.allowed(AlertType.class, AlertType::name);

  /**
   * Parses the raw query parameters. Null or empty means absent: the REST layer already hands an
   * empty {@code ?status=} over as null, and the rule should not depend on who calls.
   */
  public static AlertFilter parse(
      String buildingId,
      String deviceId,
      String status,
      String severity,
      String type,
      String from,
      String to,
      String limit) {
    Optional<Instant> start = TimeParameter.parse("from", from);
    Optional<Instant> end = TimeParameter.parse("to", to);
    TimeParameter.requireOrdered(start, end);
    return new AlertFilter(
        present(buildingId).map(id -> Identifier.requireValid("buildingId", id)),
        present(deviceId).map(id -> Identifier.requireValid("deviceId", id)),
        Choices.parse("status", status, AlertStatus.class, AlertStatus::wireValue),
        Choices.parse("severity", severity, Severity.class, Severity::name),
        Choices.parse("type", type, AlertType.class, AlertType::name),
        start,
        end,
        PageLimit.parse(limit));
  }

  /**
   * Everything that selects the alerts, not the page size: a cursor is valid only with the filters
   * it was issued for.
   */
  public String fingerprint() {
    return "alerts|b="
        + buildingId.orElse("")
        + "|d="
        + deviceId.orElse("")
        + "|s="
        + statuses
        + "|v="
        + severities
        + "|t="
        + types
        + "|from="
        + from.map(Instant::toString).orElse("")
        + "|to="
        + to.map(Instant::toString).orElse("");
  }

  private static Optional<String> present(String value) {
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
  }
}
