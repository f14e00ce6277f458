package io.smartbuilding.api.device;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One device in a building's device list: where it is and how it is doing. */
@Schema(name = "DeviceSummary")
public record DeviceSummary(
    @Schema(example = "ahu-01") String deviceId,
    @Schema(example = "hq-berlin") String buildingId,
    @Schema(example = "3") Integer floor,
    @Schema(example = "north") String zone,
    @Schema(
            enumeration = {"AIR_HANDLER", "CHILLER", "ZONE_SENSOR", "ENERGY_METER", "ELEVATOR"},
            example = "AIR_HANDLER")
        String deviceType,
    @Schema(
            enumeration = {"OK", "DEGRADED", "FAULT", "OFFLINE"},
            example = "OK")
        String status,
    @Schema(
            description = "0 (failed) to 100 (healthy), as analytics-job scores it",
            minimum = "0",
            maximum = "100",
            example = "72")
        Integer healthScore,
    @Schema(
            description = "Why the score is below 100, one sentence each; empty when healthy",
            example = "[\"vibrationMmS rising: 6.1 mm/s, baseline 2.3 mm/s\"]")
        List<String> reasons,
    @Schema(description = "Alerts of this device that are open or acknowledged", example = "1")
        Integer openAlerts,
    @Schema(
            description = "Event time of the latest reading (ISO-8601 UTC)",
            example = "2025-03-01T08:15:30.123Z")
        Instant lastSeen) {

  /**
   * The list entry of a device-health item. It reads the item through {@link DeviceHealth} so the
   * attribute mapping lives in one place; an item that breaks the contract fails the list too.
   */
  public static DeviceSummary fromItem(Map<String, AttributeValue> attributes) {
    DeviceHealth health = DeviceHealth.fromItem(attributes);
    return new DeviceSummary(
        health.deviceId(),
        health.buildingId(),
        health.floor(),
        health.zone(),
        health.deviceType(),
        health.status(),
        health.healthScore(),
        health.reasons(),
        health.openAlerts(),
        health.lastSeen());
  }
}
