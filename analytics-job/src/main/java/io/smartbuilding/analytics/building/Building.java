package io.smartbuilding.analytics.building;

import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * A building as written to the buildings table: where its devices are and how many there are.
 *
 * @param floors ascending
 * @param zones sorted
 * @param updatedAt processing time of this version
 */
public record Building(
    String buildingId,
    @TypeInfo(FloorListTypeInfoFactory.class) List<Integer> floors,
    @TypeInfo(ZoneListTypeInfoFactory.class) List<String> zones,
    int deviceCount,
    Instant updatedAt) {

  public Building {
    floors = List.copyOf(floors);
    zones = List.copyOf(zones);
  }
}
