package io.smartbuilding.api.device;

import io.smartbuilding.api.dynamo.Item;
import io.smartbuilding.contracts.tables.DeviceHealthTable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The latest known state of one device. */
@Schema(name = "DeviceHealth")
public record DeviceHealth(
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
        Instant lastSeen,
    @Schema(description = "Sequence number of the latest reading", example = "1842") Long lastSeq,
    @Schema(
            description = "The latest reading: metric name to value",
            example = "{\"temperatureC\": 21.5, \"humidityPct\": 40.2}")
        Map<String, Double> metrics,
    @Schema(
            description = "When analytics-job last wrote this item (ISO-8601 UTC)",
            example = "2025-03-01T08:15:31.004Z")
        Instant updatedAt) {

  public static DeviceHealth fromItem(Map<String, AttributeValue> attributes) {
    Item item = Item.of(attributes);
    return new DeviceHealth(
        item.string(DeviceHealthTable.DEVICE_ID),
        item.string(DeviceHealthTable.BUILDING_ID),
        item.integer(DeviceHealthTable.FLOOR),
        item.string(DeviceHealthTable.ZONE),
        item.string(DeviceHealthTable.DEVICE_TYPE),
        item.string(DeviceHealthTable.STATUS),
        item.integer(DeviceHealthTable.HEALTH_SCORE),
        item.stringList(DeviceHealthTable.REASONS),
        item.integer(DeviceHealthTable.OPEN_ALERTS),
        item.instant(DeviceHealthTable.LAST_SEEN),
        item.longInteger(DeviceHealthTable.LAST_SEQ),
        item.numberMap(DeviceHealthTable.METRICS),
        item.instant(DeviceHealthTable.UPDATED_AT));
  }
}
