package io.smartbuilding.api.alert;

import io.smartbuilding.api.dynamo.Item;
import io.smartbuilding.contracts.tables.AlertTable;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
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
        Instant updatedAt,
    @Schema(description = "The rule that raised the alert", example = "OVERHEAT") String ruleId,
    @Schema(description = "The metric the rule watches; null for OFFLINE", example = "temperatureC")
        String metric,
    @Schema(
            description = "PREDICTED_WEAR only: when the metric is predicted to reach its limit",
            nullable = true,
            example = "2025-04-12T00:00:00.000Z")
        Instant predictedAt,
    @Schema(description = "The rule in words and the readings behind the alert", nullable = true)
        Evidence evidence,
    @Schema(
            description = "Who acknowledged the alert",
            nullable = true,
            example = "theo.technician")
        String acknowledgedBy,
    @Schema(nullable = true, example = "2025-03-01T08:21:04.512Z") Instant acknowledgedAt,
    @Schema(description = "Who should handle it", nullable = true, example = "maria.manager")
        String assignee,
    @Schema(
            description = "Who resolved the alert by hand; null if the condition cleared by itself",
            nullable = true,
            example = "theo.technician")
        String resolvedBy,
    @Schema(description = "The audit trail of people's actions, oldest first")
        List<AlertAction> actions,
    @Schema(
            description =
                "Increases with every action; send it back as If-Match (the ETag) to change the"
                    + " alert",
            example = "2")
        long version) {

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
        item.instant(AlertTable.UPDATED_AT),
        item.string(AlertTable.RULE_ID),
        item.string(AlertTable.METRIC),
        item.instant(AlertTable.PREDICTED_AT),
        Evidence.fromAttribute(attributes.get(AlertTable.EVIDENCE)),
        item.string(AlertTable.ACKNOWLEDGED_BY),
        item.instant(AlertTable.ACKNOWLEDGED_AT),
        item.string(AlertTable.ASSIGNEE),
        item.string(AlertTable.RESOLVED_BY),
        AlertAction.fromAttribute(attributes.get(AlertTable.ACTIONS)),
        version(item));
  }

  /** Absent until the first action through the API (contract: absent = 0). */
  static long version(Item item) {
    Long version = item.longInteger(AlertTable.VERSION);
    return version == null ? 0 : version;
  }

  /**
   * The ETag: a strong validator, quoted as RFC 9110 wants. The version alone would not do:
   * analytics-job changes an alert (status, lastSeenAt, resolvedAt) without bumping it, and only
   * updatedAt moves then.
   */
  public String etag() {
    return "\"" + etagValue() + "\"";
  }

  /** {@code <version>-<updatedAt epoch millis>}, unquoted; If-Match reads the version from it. */
  public String etagValue() {
    return version + "-" + (updatedAt == null ? 0 : updatedAt.toEpochMilli());
  }
}
