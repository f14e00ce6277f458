package io.smartbuilding.api.alert;

import io.smartbuilding.api.dynamo.Item;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Why analytics-job raised an alert: the rule in words and the latest readings that broke it. */
@Schema(name = "AlertEvidence")
public record Evidence(
    @Schema(example = "temperatureC above 28.0 for 60 s") String rule,
    @Schema(description = "The most recent readings behind the alert, at most 20")
        List<Reading> readings) {

  /** One reading: its event time and value. */
  @Schema(name = "AlertEvidenceReading")
  public record Reading(
      @Schema(example = "2025-03-01T08:20:30.123Z") Instant ts,
      @Schema(example = "31.2") Double value) {}

  /** Null when the item has no evidence (alerts written before evidence existed). */
  static Evidence fromAttribute(AttributeValue value) {
    if (value == null || !value.hasM()) {
      return null;
    }
    Item item = Item.of(value.m());
    AttributeValue readings = value.m().get("readings");
    List<Reading> parsed =
        readings == null || !readings.hasL()
            ? List.of()
            : readings.l().stream()
                .filter(AttributeValue::hasM)
                .map(r -> Item.of(r.m()))
                .map(r -> new Reading(r.instant("ts"), r.decimal("value")))
                .toList();
    return new Evidence(item.string("rule"), parsed);
  }
}
