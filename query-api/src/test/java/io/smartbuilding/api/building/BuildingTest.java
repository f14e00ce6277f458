package io.smartbuilding.api.building;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartbuilding.api.testing.StoredItems;
import io.smartbuilding.contracts.tables.BuildingTable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class BuildingTest {

  private static final Instant T0 = Instant.parse("2025-03-01T08:15:30.123Z");

  @Test
  void mapsAStoredBuilding() {
    Building building =
        Building.fromItem(
            StoredItems.building("hq", List.of(0, 2), List.of("north", "south"), 7, T0));

    assertThat(building)
        .isEqualTo(new Building("hq", List.of(0, 2), List.of("north", "south"), 7, T0));
  }

  @Test
  void acceptsFloorsAndZonesStoredAsSets() {
    Map<String, AttributeValue> item =
        Map.of(
            BuildingTable.BUILDING_ID, AttributeValue.fromS("hq"),
            BuildingTable.FLOORS, AttributeValue.fromNs(List.of("4")),
            BuildingTable.ZONES, AttributeValue.fromSs(List.of("roof")));

    Building building = Building.fromItem(item);

    assertThat(building.floors()).containsExactly(4);
    assertThat(building.zones()).containsExactly("roof");
    assertThat(building.deviceCount()).isZero();
    assertThat(building.updatedAt()).isNull();
  }
}
