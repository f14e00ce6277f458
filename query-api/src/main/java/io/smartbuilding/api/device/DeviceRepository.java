package io.smartbuilding.api.device;

import io.smartbuilding.api.dynamo.Conditions;
import io.smartbuilding.api.dynamo.Table;
import io.smartbuilding.api.dynamo.Tables;
import io.smartbuilding.api.pagination.Cursor;
import io.smartbuilding.api.pagination.IndexRead;
import io.smartbuilding.api.pagination.Listing;
import io.smartbuilding.api.pagination.PageReader;
import io.smartbuilding.api.pagination.Slice;
import io.smartbuilding.contracts.health.DeviceStatus;
import io.smartbuilding.contracts.tables.DeviceHealthTable;
import io.smartbuilding.contracts.telemetry.DeviceType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads the device-health table. */
@ApplicationScoped
public class DeviceRepository {

  private static final String STREAM = "devices";
  private static final List<String> BY_BUILDING_KEY =
      List.of(DeviceHealthTable.DEVICE_ID, DeviceHealthTable.BUILDING_ID);

  private final Table table;

  DeviceRepository(Tables tables) {
    this.table = tables.deviceHealth();
  }

  /**
   * One page of the building's devices by id: a Query of the byBuilding index (sorted by deviceId)
   * with floor, zone, type and status as a filter expression.
   */
  public Listing<DeviceSummary> inBuilding(DeviceFilter filter, Cursor cursor) {
    if (cursor.finished(STREAM)) {
      return Listing.empty();
    }
    Conditions conditions =
        new Conditions().keyEquals(DeviceHealthTable.BUILDING_ID, filter.buildingId());
    filter
        .floor()
        .ifPresent(
            f -> conditions.filterEquals(DeviceHealthTable.FLOOR, AttributeValue.fromN("" + f)));
    filter
        .zone()
        .ifPresent(z -> conditions.filterEquals(DeviceHealthTable.ZONE, AttributeValue.fromS(z)));
    conditions.filterIn(
        DeviceHealthTable.DEVICE_TYPE, filter.types().stream().map(DeviceType::name).toList());
    conditions.filterIn(
        DeviceHealthTable.STATUS, filter.statuses().stream().map(DeviceStatus::name).toList());
    IndexRead read =
        new IndexRead(DeviceHealthTable.BY_BUILDING, conditions, false, BY_BUILDING_KEY);
    Slice slice = PageReader.read(table, read, cursor.after(STREAM), filter.limit(), item -> true);
    List<DeviceSummary> devices = slice.items().stream().map(DeviceSummary::fromItem).toList();
    return new Listing<>(devices, slice.ended() ? null : new Cursor(Map.of(STREAM, slice.next())));
  }

  public Optional<DeviceHealth> health(String deviceId) {
    return table
        .get(new Table.Equals(DeviceHealthTable.DEVICE_ID, deviceId))
        .map(DeviceHealth::fromItem);
  }
}
