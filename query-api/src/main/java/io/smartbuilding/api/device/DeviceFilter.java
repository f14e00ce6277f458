package io.smartbuilding.api.device;

import io.smartbuilding.api.pagination.PageLimit;
import io.smartbuilding.api.problem.ProblemException;
import io.smartbuilding.api.request.Choices;
import io.smartbuilding.api.request.Identifier;
import io.smartbuilding.contracts.health.DeviceStatus;
import io.smartbuilding.contracts.telemetry.DeviceType;
import java.util.List;
import java.util.Optional;

/**
 * The validated parameters of GET /api/v1/buildings/{buildingId}/devices. Empty lists mean any type
 * or status.
 */
public record DeviceFilter(
    String buildingId,
    Optional<Integer> floor,
    Optional<String> zone,
    List<DeviceType> types,
    List<DeviceStatus> statuses,
    int limit) {

  public static DeviceFilter parse(
      String buildingId, String floor, String zone, String type, String status, String limit) {
    return new DeviceFilter(
        Identifier.requireValid("buildingId", buildingId),
        present(floor).map(DeviceFilter::floor),
        present(zone).map(z -> Identifier.requireValid("zone", z)),
        Choices.parse("type", type, DeviceType.class, DeviceType::name),
        Choices.parse("status", status, DeviceStatus.class, DeviceStatus::name),
        PageLimit.parse(limit));
  }

  /** Whether any filter beyond the building is set. */
  public boolean narrowed() {
    return floor.isPresent() || zone.isPresent() || !types.isEmpty() || !statuses.isEmpty();
  }

  /** What selects the devices, not the page size: a cursor is valid only with these. */
  public String fingerprint() {
    return "devices|b="
        + buildingId
        + "|f="
        + floor.map(String::valueOf).orElse("")
        + "|z="
        + zone.orElse("")
        + "|t="
        + types
        + "|s="
        + statuses;
  }

  /** Also used by the history endpoints. */
  public static int floor(String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw ProblemException.invalidParameter(
          "floor", "'floor' must be a whole number, e.g. 0 or -1 (got '" + value + "')");
    }
  }

  private static Optional<String> present(String value) {
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
  }
}
