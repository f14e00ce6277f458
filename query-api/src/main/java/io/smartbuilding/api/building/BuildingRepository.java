package io.smartbuilding.api.building;

import io.smartbuilding.api.dynamo.Table;
import io.smartbuilding.api.dynamo.Tables;
import io.smartbuilding.contracts.tables.BuildingTable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;

/** Reads the buildings table. */
@ApplicationScoped
public class BuildingRepository {

  private final Table table;

  BuildingRepository(Tables tables) {
    this.table = tables.buildings();
  }

  /**
   * Every building, sorted by id. A Scan is fine here: one small item per building, and the
   * paginator follows LastEvaluatedKey to the end.
   */
  public List<Building> all() {
    return table
        .scan()
        .map(Building::fromItem)
        .sorted(Comparator.comparing(Building::buildingId))
        .toList();
  }

  public boolean exists(String buildingId) {
    Table.Equals key = new Table.Equals(BuildingTable.BUILDING_ID, buildingId);
    return table.get(key, BuildingTable.BUILDING_ID).isPresent();
  }
}
