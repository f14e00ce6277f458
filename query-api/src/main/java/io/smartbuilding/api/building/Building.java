package io.smartbuilding.api.building;

import io.smartbuilding.api.dynamo.Item;
import io.smartbuilding.contracts.tables.BuildingTable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A building the platform has heard from. */
@Schema(name = "Building")
public record Building(
    @Schema(example = "hq-berlin") String buildingId,
    @Schema(description = "Floor numbers with devices, ascending", example = "[0, 1, 2]")
        List<Integer> floors,
    @Schema(description = "Zone names with devices, sorted", example = "[\"north\", \"south\"]")
        List<String> zones,
    @Schema(description = "Devices seen in this building", example = "42") int deviceCount,
    @Schema(
            description = "When analytics-job last changed this entry (ISO-8601 UTC)",
            example = "2025-03-01T08:15:30.123Z")
        Instant updatedAt) {

  public static Building fromItem(Map<String, AttributeValue> attributes) {
    Item item = Item.of(attributes);
    Integer deviceCount = item.integer(BuildingTable.DEVICE_COUNT);
    return new Building(
        item.string(BuildingTable.BUILDING_ID),
        item.integerList(BuildingTable.FLOORS),
        item.stringList(BuildingTable.ZONES),
        deviceCount == null ? 0 : deviceCount,
        item.instant(BuildingTable.UPDATED_AT));
  }
}
