package io.smartbuilding.api.building;

import io.smartbuilding.api.dynamo.Table;
import io.smartbuilding.api.dynamo.Tables;
import io.smartbuilding.api.pagination.Cursor;
import io.smartbuilding.api.pagination.Listing;
import io.smartbuilding.api.security.BuildingScope;
import io.smartbuilding.contracts.tables.BuildingTable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
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
   * One page of the buildings the caller may see, sorted by id; the cursor holds the last id shown.
   * A caller of some buildings gets them by key (BatchGetItem of the ids in their token, in id
   * order, until the page is full). A caller of every building: the table holds one small item per
   * building, so every page scans it whole (following LastEvaluatedKey) and sorts, as a Scan's own
   * order is by hash, which no user wants to scroll through.
   */
  public Listing<Building> page(Cursor cursor, int limit, BuildingScope scope) {
    if (cursor.finished(STREAM)) {
      return Listing.empty();
    }
    Map<String, AttributeValue> after = cursor.after(STREAM);
    String lastShown = after == null ? null : after.get(BuildingTable.BUILDING_ID).s();
    Predicate<String> afterLastShown = id -> lastShown == null || id.compareTo(lastShown) > 0;
    List<Building> following =
        scope.everyBuilding()
            ? table
                .scan()
                .map(Building::fromItem)
                .filter(b -> afterLastShown.test(b.buildingId()))
                .sorted(Comparator.comparing(Building::buildingId))
                .limit(limit + 1L)
                .toList()
            : byKey(
                scope.buildingIds().stream().filter(afterLastShown).sorted().toList(), limit + 1);
    if (following.size() <= limit) {
      return new Listing<>(following, null);
    }
    List<Building> page = following.subList(0, limit);
    String last = page.get(limit - 1).buildingId();
    return new Listing<>(
        page,
        new Cursor(Map.of(STREAM, Map.of(BuildingTable.BUILDING_ID, AttributeValue.fromS(last)))));
  }

  /** The first {@code wanted} buildings of {@code sortedIds} that exist, in that order. */
  private List<Building> byKey(List<String> sortedIds, int wanted) {
    List<Building> found = new ArrayList<>();
    for (int from = 0; from < sortedIds.size() && found.size() < wanted; ) {
      // Ask for about as many as still missing: ids in a token usually exist.
      int ask = Math.min(Table.MAX_BATCH_KEYS, wanted - found.size());
      int to = Math.min(sortedIds.size(), from + ask);
      List<String> batch = sortedIds.subList(from, to);
      table.batchGet(BuildingTable.BUILDING_ID, batch).stream()
          .map(Building::fromItem)
          .sorted(Comparator.comparing(Building::buildingId))
          .forEach(found::add);
      from = to;
    }
    return found.size() > wanted ? found.subList(0, wanted) : found;
  }

  public boolean exists(String buildingId) {
    Table.Equals key = new Table.Equals(BuildingTable.BUILDING_ID, buildingId);
    return table.get(key, BuildingTable.BUILDING_ID).isPresent();
  }
}
