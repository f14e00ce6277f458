package io.smartbuilding.api.alert;

import io.smartbuilding.api.device.DeviceHealth;
import io.smartbuilding.api.device.DeviceRepository;
import io.smartbuilding.api.dynamo.Conditions;
import io.smartbuilding.api.dynamo.Table;
import io.smartbuilding.api.dynamo.Tables;
import io.smartbuilding.api.pagination.Cursor;
import io.smartbuilding.api.pagination.IndexRead;
import io.smartbuilding.api.pagination.Listing;
import io.smartbuilding.api.pagination.PageReader;
import io.smartbuilding.api.pagination.Slice;
import io.smartbuilding.api.security.BuildingScope;
import io.smartbuilding.contracts.alert.AlertStatus;
import io.smartbuilding.contracts.alert.AlertType;
import io.smartbuilding.contracts.alert.Severity;
import io.smartbuilding.contracts.tables.AlertTable;
import io.smartbuilding.contracts.tables.StoredTime;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads alerts newest first, one page at a time, through the indexes sorted by openedAt.
 *
 * <ul>
 *   <li>With a building (given, or looked up from the device's health item when only {@code
 *       deviceId} is given): one Query of {@code byBuilding}; the time range is part of the key
 *       condition, every other filter (device, status, severity, type) a filter expression.
 *       DynamoDB has no index on deviceId, and a building holds few enough alerts that filtering
 *       its partition is cheaper than a new index every writer pays for.
 *   <li>Without a building, for a caller scoped to some buildings: one Query of {@code byBuilding}
 *       per building in their token, merged newest first; the cursor keeps one start key per
 *       building. Every key a cursor holds is then an alert of the caller's own buildings: a cursor
 *       is signed, not encrypted, so a key read across buildings would show foreign alert ids.
 *   <li>Without a building, for a caller of every building: one Query of {@code byStatus} per
 *       wanted status (all three when none is given), merged newest first; the cursor keeps one
 *       start key per status. Bounded queries instead of a Scan of a table that grows with every
 *       resolved alert.
 * </ul>
 */
@ApplicationScoped
public class AlertRepository {

  private static final List<String> BY_BUILDING_KEY =
      List.of(AlertTable.ALERT_ID, AlertTable.BUILDING_ID, AlertTable.OPENED_AT);
  private static final List<String> BY_STATUS_KEY =
      List.of(AlertTable.ALERT_ID, AlertTable.STATUS, AlertTable.OPENED_AT);

  /**
   * Index order: openedAt is fixed-width (StoredTime), so its string order is time order, and
   * comparing the strings keeps each stream's items in the order the index returned them.
   */
  private static final Comparator<Map<String, AttributeValue>> NEWEST_FIRST =
      Comparator.comparing(
          (Map<String, AttributeValue> item) -> item.get(AlertTable.OPENED_AT).s(),
          Comparator.reverseOrder());

  /** Stream name prefix of one building's read in the cursor of an unfiltered scoped list. */
  private static final String BUILDING_STREAM = "b:";

  private final Table table;
  private final DeviceRepository devices;

  AlertRepository(Tables tables, DeviceRepository devices) {
    this.table = tables.alerts();
    this.devices = devices;
  }

  /** One page of the alerts of buildings the caller may see, newest first. */
  public Listing<Alert> newestFirst(AlertFilter filter, Cursor cursor, BuildingScope scope) {
    Predicate<String> visibleBuilding = scope::permits;
    Optional<String> building = filter.buildingId();
    if (building.isEmpty() && filter.deviceId().isPresent()) {
      building = devices.health(filter.deviceId().get()).map(DeviceHealth::buildingId);
      if (building.isEmpty()) {
        return Listing.empty();
      }
    }
    if (building.isPresent() && !visibleBuilding.test(building.get())) {
      return Listing.empty();
    }
    Map<String, IndexRead> streams = new LinkedHashMap<>();
    if (building.isPresent()) {
      streams.put("building", byBuilding(building.get(), filter));
    } else if (!scope.everyBuilding()) {
      // Sorted: the streams, and so the merge, do not depend on the token's claim order.
      for (String buildingId : new TreeSet<>(scope.buildingIds())) {
        streams.put(BUILDING_STREAM + buildingId, byBuilding(buildingId, filter));
      }
    } else {
      List<AlertStatus> statuses =
          filter.statuses().isEmpty() ? Arrays.asList(AlertStatus.values()) : filter.statuses();
      for (AlertStatus status : statuses) {
        streams.put(status.wireValue(), byStatus(status, filter));
      }
    }
    Predicate<Map<String, AttributeValue>> visible =
        item -> {
          AttributeValue b = item.get(AlertTable.BUILDING_ID);
          return b != null && visibleBuilding.test(b.s());
        };
    return merge(streams, cursor, filter.limit(), visible).map(Alert::fromItem);
  }

  /**
   * Reads up to {@code limit} items of every unfinished stream, keeps the newest {@code limit} over
   * all of them and moves each stream's start key past the items it contributed.
   */
  private Listing<Map<String, AttributeValue>> merge(
      Map<String, IndexRead> streams,
      Cursor cursor,
      int limit,
      Predicate<Map<String, AttributeValue>> visible) {
    Map<String, Slice> slices = new LinkedHashMap<>();
    List<Map<String, AttributeValue>> candidates = new ArrayList<>();
    Map<Map<String, AttributeValue>, String> streamOf = new IdentityHashMap<>();
    streams.forEach(
        (name, read) -> {
          if (cursor.finished(name)) {
            return;
          }
          Slice slice = PageReader.read(table, read, cursor.after(name), limit, visible);
          slices.put(name, slice);
          for (Map<String, AttributeValue> item : slice.items()) {
            candidates.add(item);
            streamOf.put(item, name);
          }
        });
    // Stable: items of one stream keep their index order, so each stream contributes a prefix.
    candidates.sort(NEWEST_FIRST);
    List<Map<String, AttributeValue>> page =
        candidates.subList(0, Math.min(limit, candidates.size()));
    Map<String, Integer> used = new HashMap<>();
    for (Map<String, AttributeValue> item : page) {
      used.merge(streamOf.get(item), 1, Integer::sum);
    }
    Map<String, Map<String, AttributeValue>> next = new HashMap<>(cursor.positions());
    slices.forEach(
        (name, slice) -> {
          int count = used.getOrDefault(name, 0);
          if (count == slice.items().size()) {
            next.put(name, slice.ended() ? Map.of() : slice.next());
          } else if (count > 0) {
            next.put(name, streams.get(name).keyOf(slice.items().get(count - 1)));
          }
          // count == 0 with items left over: the stream stays where it was.
        });
    Cursor following = new Cursor(next);
    return new Listing<>(
        List.copyOf(page), following.finishedAll(streams.keySet()) ? null : following);
  }

  private static IndexRead byBuilding(String buildingId, AlertFilter filter) {
    Conditions conditions = new Conditions().keyEquals(AlertTable.BUILDING_ID, buildingId);
    openedWithin(conditions, filter);
    filter
        .deviceId()
        .ifPresent(d -> conditions.filterEquals(AlertTable.DEVICE_ID, AttributeValue.fromS(d)));
    conditions.filterIn(
        AlertTable.STATUS, filter.statuses().stream().map(AlertStatus::wireValue).toList());
    commonFilters(conditions, filter);
    return new IndexRead(AlertTable.BY_BUILDING, conditions, true, BY_BUILDING_KEY);
  }

  private static IndexRead byStatus(AlertStatus status, AlertFilter filter) {
    Conditions conditions = new Conditions().keyEquals(AlertTable.STATUS, status.wireValue());
    openedWithin(conditions, filter);
    commonFilters(conditions, filter);
    return new IndexRead(AlertTable.BY_STATUS, conditions, true, BY_STATUS_KEY);
  }

  /** from inclusive, to exclusive: BETWEEN is inclusive, so the upper bound is to - 1 ms. */
  private static void openedWithin(Conditions conditions, AlertFilter filter) {
    Optional<String> low = filter.from().map(StoredTime::format);
    Optional<String> high = filter.to().map(t -> StoredTime.format(t.minusMillis(1)));
    if (low.isPresent() && high.isPresent()) {
      conditions.keyBetween(AlertTable.OPENED_AT, low.get(), high.get());
    } else if (low.isPresent()) {
      conditions.keyAtLeast(AlertTable.OPENED_AT, low.get());
    } else if (high.isPresent()) {
      conditions.keyAtMost(AlertTable.OPENED_AT, high.get());
    }
  }

  private static void commonFilters(Conditions conditions, AlertFilter filter) {
    conditions.filterIn(
        AlertTable.SEVERITY, filter.severities().stream().map(Severity::name).toList());
    conditions.filterIn(AlertTable.TYPE, filter.types().stream().map(AlertType::name).toList());
  }
}
