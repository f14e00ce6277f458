package io.smartbuilding.api.alert;

import io.smartbuilding.api.dynamo.Table;
import io.smartbuilding.api.dynamo.Tables;
import io.smartbuilding.contracts.alert.AlertStatus;
import io.smartbuilding.contracts.tables.AlertTable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads alerts newest first through the table's two indexes, both sorted by openedAt. Without a
 * building or status it queries byStatus once per status and merges: three bounded queries instead
 * of a Scan of a table that grows with every resolved alert.
 */
@ApplicationScoped
public class AlertRepository {

  private final Table table;

  AlertRepository(Tables tables) {
    this.table = tables.alerts();
  }

  /** At most {@code filter.limit()} alerts of buildings the caller may see, newest first. */
  public List<Alert> newestFirst(AlertFilter filter, Predicate<String> visibleBuilding) {
    Stream<Alert> candidates;
    if (filter.buildingId().isPresent()) {
      candidates =
          newestFirst(
              AlertTable.BY_BUILDING,
              AlertTable.BUILDING_ID,
              filter.buildingId().get(),
              filter.status(),
              filter.limit(),
              visibleBuilding);
    } else {
      List<AlertStatus> statuses =
          filter.status().map(List::of).orElse(Arrays.asList(AlertStatus.values()));
      // Each status contributes at most `limit` alerts, so the merge cannot miss a newer one.
      candidates =
          statuses.stream()
              .flatMap(
                  s ->
                      newestFirst(
                          AlertTable.BY_STATUS,
                          AlertTable.STATUS,
                          s.wireValue(),
                          Optional.empty(),
                          filter.limit(),
                          visibleBuilding));
    }
    // Sorting by the parsed time, not the index's string order: Instant.toString() drops zero
    // fractions, so "…:30Z" sorts after "…:30.500Z" as a string.
    return candidates.sorted(Alert.NEWEST_FIRST).limit(filter.limit()).toList();
  }

  private Stream<Alert> newestFirst(
      String index,
      String keyAttribute,
      String keyValue,
      Optional<AlertStatus> status,
      int limit,
      Predicate<String> visibleBuilding) {
    return table
        .query(
            index,
            new Table.Equals(keyAttribute, keyValue),
            status.map(s -> new Table.Equals(AlertTable.STATUS, s.wireValue())),
            // DynamoDB applies Limit before the filter; the paginator fetches more pages as needed.
            query -> query.scanIndexForward(false).limit(limit))
        // The stream is lazy: it stops fetching pages once `limit` alerts have passed the filters.
        .map(Alert::fromItem)
        .filter(a -> visibleBuilding.test(a.buildingId()))
        .limit(limit);
  }
}
