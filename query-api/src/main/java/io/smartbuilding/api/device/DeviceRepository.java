package io.smartbuilding.api.device;

import io.smartbuilding.api.dynamo.Table;
import io.smartbuilding.api.dynamo.Tables;
import io.smartbuilding.contracts.tables.DeviceHealthTable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Reads the device-health table. */
@ApplicationScoped
public class DeviceRepository {

  private final Table table;

  DeviceRepository(Tables tables) {
    this.table = tables.deviceHealth();
  }

  /** The building's devices by id, every page of the byBuilding index. */
  public List<DeviceSummary> inBuilding(String buildingId) {
    return table
        .query(
            DeviceHealthTable.BY_BUILDING,
            new Table.Equals(DeviceHealthTable.BUILDING_ID, buildingId),
            Optional.empty(),
            query -> {})
        .map(DeviceSummary::fromItem)
        .toList();
  }

  public Optional<DeviceHealth> health(String deviceId) {
    return table
        .get(new Table.Equals(DeviceHealthTable.DEVICE_ID, deviceId))
        .map(DeviceHealth::fromItem);
  }
}
