package io.smartbuilding.api.alert;

import io.smartbuilding.api.dynamo.Item;
import io.smartbuilding.contracts.tables.AlertTable;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A maintenance alert: a rule a device broke, from when it began until it was resolved. */
@Schema(name = "Alert")
public record Alert(
    @Schema(
            description = "deviceId#type#openedAt-epoch-millis",
            example = "ahu-01#OVERHEAT#1740816930123")
        String alertId,
    @Schema(example = "ahu-01") String deviceId,
    @Schema(example = "hq-berlin") String buildingId,
    @Schema(example = "3") Integer floor,
    @Schema(example = "north") String zone,
    @Schema(
            enumeration = {"AIR_HANDLER", "CHILLER", "ZONE_SENSOR", "ENERGY_METER", "ELEVATOR"},
            example = "AIR_HANDLER")
        String deviceType,
    @Schema(
            enumeration = {"OVERHEAT", "OFFLINE"},
            example = "OVERHEAT")
        String type,
    @Schema(
            enumeration = {"INFO", "WARNING", "CRITICAL"},
            example = "CRITICAL")
        String severity,
    @Schema(
            enumeration = {"open", "acknowledged", "resolved"},
            example = "open")
        String status,
    @Schema(example = "temperatureC 31.2 above limit 28.0") String message,
    @Schema(
            description = "Event time of the first reading that broke the rule (ISO-8601 UTC)",
            example = "2025-03-01T08:15:30.123Z")
        Instant openedAt,
    @Schema(
            description = "Event time of the latest reading that broke the rule",
            example = "2025-03-01T08:20:30.123Z")
        Instant lastSeenAt,
    @Schema(
            description = "When the condition ended; null while it lasts",
            nullable = true,
            example = "2025-03-01T08:25:00.000Z")
        Instant resolvedAt,
    @Schema(description = "The worst value seen while the alert was open", example = "31.2")
        Double peakValue,
    @Schema(description = "The configured limit the value broke", example = "28.0") Double limit,
    @Schema(
            description = "When analytics-job last wrote this item (ISO-8601 UTC)",
            example = "2025-03-01T08:20:31.004Z")
        Instant updatedAt) {

  /** Newest first by openedAt; ties (and items without openedAt, last) by alertId. */
  public static final Comparator<Alert> NEWEST_FIRST =
      Comparator.comparing(Alert::openedAt, Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(Alert::alertId, Comparator.nullsLast(Comparator.naturalOrder()));

  public static Alert fromItem(Map<String, AttributeValue> attributes) {
    Item item = Item.of(attributes);
    return new Alert(
        item.string(AlertTable.ALERT_ID),
        item.string(AlertTable.DEVICE_ID),
        item.string(AlertTable.BUILDING_ID),
        item.integer(AlertTable.FLOOR),
        item.string(AlertTable.ZONE),
        item.string(AlertTable.DEVICE_TYPE),
        item.string(AlertTable.TYPE),
        item.string(AlertTable.SEVERITY),
        item.string(AlertTable.STATUS),
        item.string(AlertTable.MESSAGE),
        item.instant(AlertTable.OPENED_AT),
        item.instant(AlertTable.LAST_SEEN_AT),
        item.instant(AlertTable.RESOLVED_AT),
        item.decimal(AlertTable.PEAK_VALUE),
        item.decimal(AlertTable.LIMIT),
        item.instant(AlertTable.UPDATED_AT));
  }
}
