package io.smartbuilding.analytics.aws;

import static io.smartbuilding.contracts.tables.AlertTable.ALERT_ID;
import static io.smartbuilding.contracts.tables.AlertTable.BUILDING_ID;
import static io.smartbuilding.contracts.tables.AlertTable.DEVICE_ID;
import static io.smartbuilding.contracts.tables.AlertTable.DEVICE_TYPE;
import static io.smartbuilding.contracts.tables.AlertTable.EVIDENCE;
import static io.smartbuilding.contracts.tables.AlertTable.FLOOR;
import static io.smartbuilding.contracts.tables.AlertTable.LAST_SEEN_AT;
import static io.smartbuilding.contracts.tables.AlertTable.LIMIT;
import static io.smartbuilding.contracts.tables.AlertTable.MESSAGE;
import static io.smartbuilding.contracts.tables.AlertTable.METRIC;
import static io.smartbuilding.contracts.tables.AlertTable.OPENED_AT;
import static io.smartbuilding.contracts.tables.AlertTable.PEAK_VALUE;
import static io.smartbuilding.contracts.tables.AlertTable.PREDICTED_AT;
import static io.smartbuilding.contracts.tables.AlertTable.RESOLVED_AT;
import static io.smartbuilding.contracts.tables.AlertTable.RULE_ID;
import static io.smartbuilding.contracts.tables.AlertTable.SEVERITY;
import static io.smartbuilding.contracts.tables.AlertTable.STATUS;
import static io.smartbuilding.contracts.tables.AlertTable.TYPE;
import static io.smartbuilding.contracts.tables.AlertTable.UPDATED_AT;
import static io.smartbuilding.contracts.tables.AlertTable.ZONE;

import io.smartbuilding.analytics.alert.Alert;
import io.smartbuilding.analytics.alert.Sample;
import io.smartbuilding.contracts.alert.AlertStatus;
import io.smartbuilding.contracts.tables.StoredTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * An {@link Alert} as the UpdateItem of its alert item (docs/contracts/dynamodb.md, alert
 * ownership). It sets only the attributes the job owns, so the API's acknowledgements, assignee,
 * actions and version stay: {@code status = if_not_exists(status, "open")} while the condition
 * lasts, {@code "resolved"} and {@code resolvedAt = if_not_exists(resolvedAt, :t)} when it clears.
 * Writing the same version twice leaves the same item: the update is idempotent.
 */
public final class AlertUpdate {

  private AlertUpdate() {}

  /** With the alert's own updatedAt (the processing time it was emitted at). */
  public static UpdateItemRequest of(String table, Alert alert) {
    return of(table, alert, alert.updatedAt());
  }

  /**
   * With {@code updatedAt} the time of this write: the change feed (byBuildingUpdated) must see
   * every write after the reader's last poll, and an alert may be written long after it was
   * emitted (buffering, retries, a rewrite after a restore).
   */
  public static UpdateItemRequest of(String table, Alert alert, Instant updatedAt) {
    Map<String, AttributeValue> values =
        new HashMap<>(
            new ItemBuilder()
                .string(DEVICE_ID, alert.deviceId())
                .string(BUILDING_ID, alert.buildingId())
                .number(FLOOR, alert.floor())
                .string(ZONE, alert.zone())
                .string(DEVICE_TYPE, alert.deviceType())
                .string(TYPE, alert.type())
                .string(RULE_ID, alert.ruleId())
                .string(METRIC, alert.metric())
                .string(SEVERITY, alert.severity())
                .string(MESSAGE, alert.message())
                .time(OPENED_AT, alert.openedAt())
                .time(LAST_SEEN_AT, alert.lastSeenAt())
                .number(PEAK_VALUE, alert.peakValue())
                .number(LIMIT, alert.limit())
                .time(PREDICTED_AT, alert.predictedAt())
                .time(UPDATED_AT, updatedAt)
                .build());
    values.put(EVIDENCE, evidence(alert));
    List<String> sets = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> expressionValues = new HashMap<>();
    int i = 0;
    for (Map.Entry<String, AttributeValue> e : values.entrySet()) {
      // every name goes through a placeholder: some (status, limit, type, zone) are reserved words
      names.put("#a" + i, e.getKey());
      expressionValues.put(":v" + i, e.getValue());
      sets.add("#a" + i + " = :v" + i);
      i++;
    }
    names.put("#status", STATUS);
    if (alert.status() == AlertStatus.RESOLVED) {
      names.put("#resolvedAt", RESOLVED_AT);
      expressionValues.put(":resolved", AttributeValue.fromS(AlertStatus.RESOLVED.wireValue()));
      expressionValues.put(
          ":resolvedAt", AttributeValue.fromS(StoredTime.format(alert.resolvedAt())));
      sets.add("#status = :resolved");
      sets.add("#resolvedAt = if_not_exists(#resolvedAt, :resolvedAt)");
    } else {
      expressionValues.put(":open", AttributeValue.fromS(AlertStatus.OPEN.wireValue()));
      sets.add("#status = if_not_exists(#status, :open)");
    }
    return UpdateItemRequest.builder()
        .tableName(table)
        .key(Map.of(ALERT_ID, AttributeValue.fromS(alert.alertId())))
        .updateExpression("SET " + String.join(", ", sets))
        .expressionAttributeNames(names)
        .expressionAttributeValues(expressionValues)
        .build();
  }

  /** Map {@code rule} (S) and {@code readings} (L of M {@code ts} S, {@code value} N). */
  static AttributeValue evidence(Alert alert) {
    List<AttributeValue> readings = new ArrayList<>();
    for (Sample s : alert.evidence()) {
      readings.add(
          AttributeValue.fromM(
              new ItemBuilder().time("ts", s.ts()).number("value", s.value()).build()));
    }
    Map<String, AttributeValue> evidence = new HashMap<>();
    evidence.put("readings", AttributeValue.fromL(readings));
    if (alert.evidenceRule() != null) {
      evidence.put("rule", AttributeValue.fromS(alert.evidenceRule()));
    }
    return AttributeValue.fromM(evidence);
  }
}
