package io.smartbuilding.api.building;

import io.smartbuilding.api.dynamo.Table;
import io.smartbuilding.api.dynamo.Tables;
import io.smartbuilding.api.pagination.Cursor;
import io.smartbuilding.api.pagination.Listing;
import io.smartbuilding.contracts.tables.BuildingTable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads the buildings table. */
@ApplicationScoped
public class BuildingRepository {

  private static final String STREAM = "buildings";

  private final Table table;

  BuildingRepository(Tables tables) {
    this.table = tables.buildings();
  }

  /**
   * One page of the buildings the caller may see, sorted by id. The table holds one small item per
   * building, so every page scans it whole (following LastEvaluatedKey) and sorts: a Scan's own
   * order is by hash, which no user wants to scroll through. The cursor holds the last id shown.
   */
  public Listing<Building> page(Cursor cursor, int limit, Predicate<String> visible) {
    if (cursor.finished(STREAM)) {
      return Listing.empty();
    }
    Map<String, AttributeValue> after = cursor.after(STREAM);
    String lastShown = after == null ? null : after.get(BuildingTable.BUILDING_ID).s();
    List<Building> following =
        table
            .scan()
            .map(Building::fromItem)
            .filter(b -> visible.test(b.buildingId()))
            .filter(b -> lastShown == null || b.buildingId().compareTo(lastShown) > 0)
            .sorted(Comparator.comparing(Building::buildingId))
            .limit(limit + 1L)
            .toList();
    if (following.size() <= limit) {
      return new Listing<>(following, null);
    }
    List<Building> page = following.subList(0, limit);
    String last = page.get(limit - 1).buildingId();
    return new Listing<>(
        page,
        new Cursor(Map.of(STREAM, Map.of(BuildingTable.BUILDING_ID, AttributeValue.fromS(last)))));
  }

  public boolean exists(String buildingId) {
    Table.Equals key = new Table.Equals(BuildingTable.BUILDING_ID, buildingId);
    return table.get(key, BuildingTable.BUILDING_ID).isPresent();
  }
}
