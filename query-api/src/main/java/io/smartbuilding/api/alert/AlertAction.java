package io.smartbuilding.api.alert;

import io.smartbuilding.api.dynamo.Item;
import io.smartbuilding.contracts.tables.StoredTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One entry of an alert's audit trail: who did what, when. */
@Schema(name = "AlertAction")
public record AlertAction(
    @Schema(description = "When (ISO-8601 UTC)", example = "2025-03-01T08:21:04.512Z") Instant at,
    @Schema(description = "The caller's token subject", example = "theo.technician") String by,
    @Schema(
            enumeration = {"acknowledge", "assign", "note", "resolve"},
            example = "assign")
        String action,
    @Schema(
            description = "The assignee, the note's text or the resolution note; absent otherwise",
            nullable = true,
            example = "maria.manager")
        String detail) {

  /** The kinds of action, with their wire name in the audit trail. */
  public enum Kind {
    ACKNOWLEDGE,
    ASSIGN,
    NOTE,
    RESOLVE;

    public String wireValue() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The stored list (L of M), oldest first; an absent attribute is an empty trail. */
  static List<AlertAction> fromAttribute(AttributeValue value) {
    if (value == null || !value.hasL()) {
      return List.of();
    }
    return value.l().stream()
        .filter(AttributeValue::hasM)
        .map(
            entry -> {
              Item item = Item.of(entry.m());
              return new AlertAction(
                  item.instant("at"),
                  item.string("by"),
                  item.string("action"),
                  item.string("detail"));
            })
        .toList();
  }

  /** The entry as DynamoDB stores it in the {@code actions} list. */
  static AttributeValue toAttribute(Instant at, String by, Kind kind, String detail) {
    Map<String, AttributeValue> entry = new HashMap<>();
    entry.put("at", AttributeValue.fromS(StoredTime.format(at)));
    entry.put("by", AttributeValue.fromS(by));
    entry.put("action", AttributeValue.fromS(kind.wireValue()));
    if (detail != null) {
      entry.put("detail", AttributeValue.fromS(detail));
    }
    return AttributeValue.fromM(entry);
  }
}
