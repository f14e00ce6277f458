package io.smartbuilding.api.testing;

import io.smartbuilding.contracts.alert.AlertStatus;
import io.smartbuilding.contracts.alert.AlertType;
import io.smartbuilding.contracts.alert.Severity;
import io.smartbuilding.contracts.health.DeviceStatus;
import io.smartbuilding.contracts.tables.AlertTable;
import io.smartbuilding.contracts.tables.BuildingTable;
import io.smartbuilding.contracts.tables.DeviceHealthTable;
import io.smartbuilding.contracts.telemetry.DeviceType;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items as analytics-job writes them, built only from the contracts' attribute names and value
 * formats: times as Instant.toString(), numbers as N, enums by their wire value.
 */
public final class StoredItems {

  private StoredItems() {}

  public static Map<String, AttributeValue> building(
      String buildingId,
      List<Integer> floors,
      List<String> zones,
      int deviceCount,
      Instant updatedAt) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(BuildingTable.BUILDING_ID, s(buildingId));
    item.put(BuildingTable.FLOORS, AttributeValue.fromL(floors.stream().map(f -> n(f)).toList()));
    item.put(
        BuildingTable.ZONES, AttributeValue.fromL(zones.stream().map(StoredItems::s).toList()));
    item.put(BuildingTable.DEVICE_COUNT, n(deviceCount));
    item.put(BuildingTable.UPDATED_AT, s(updatedAt.toString()));
    return item;
  }

  public static Map<String, AttributeValue> device(
      String deviceId,
      String buildingId,
      int floor,
      String zone,
      DeviceStatus status,
      Instant lastSeen) {
    Map<String, AttributeValue> metrics = new LinkedHashMap<>();
    metrics.put("temperatureC", n(21.5));
    metrics.put("humidityPct", n(40.25));
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(DeviceHealthTable.DEVICE_ID, s(deviceId));
    item.put(DeviceHealthTable.BUILDING_ID, s(buildingId));
    item.put(DeviceHealthTable.FLOOR, n(floor));
    item.put(DeviceHealthTable.ZONE, s(zone));
    item.put(DeviceHealthTable.DEVICE_TYPE, s(DeviceType.AIR_HANDLER.name()));
    item.put(DeviceHealthTable.STATUS, s(status.name()));
    item.put(DeviceHealthTable.LAST_SEEN, s(lastSeen.toString()));
    item.put(DeviceHealthTable.LAST_SEQ, n(1842L));
    item.put(DeviceHealthTable.METRICS, AttributeValue.fromM(metrics));
    item.put(DeviceHealthTable.UPDATED_AT, s(lastSeen.plusMillis(250).toString()));
    return item;
  }

  public static Map<String, AttributeValue> alert(
      String deviceId, String buildingId, AlertType type, AlertStatus status, Instant openedAt) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(
        AlertTable.ALERT_ID, s(AlertTable.alertId(deviceId, type.name(), openedAt.toEpochMilli())));
    item.put(AlertTable.DEVICE_ID, s(deviceId));
    item.put(AlertTable.BUILDING_ID, s(buildingId));
    item.put(AlertTable.FLOOR, n(3));
    item.put(AlertTable.ZONE, s("north"));
    item.put(AlertTable.DEVICE_TYPE, s(DeviceType.AIR_HANDLER.name()));
    item.put(AlertTable.TYPE, s(type.name()));
    item.put(AlertTable.SEVERITY, s(Severity.CRITICAL.name()));
    item.put(AlertTable.STATUS, s(status.wireValue()));
    item.put(AlertTable.MESSAGE, s("temperatureC 31.2 above limit 28.0"));
    item.put(AlertTable.OPENED_AT, s(openedAt.toString()));
    item.put(AlertTable.LAST_SEEN_AT, s(openedAt.plusSeconds(60).toString()));
    if (status == AlertStatus.RESOLVED) {
      item.put(AlertTable.RESOLVED_AT, s(openedAt.plusSeconds(120).toString()));
    }
    item.put(AlertTable.PEAK_VALUE, n(31.2));
    item.put(AlertTable.LIMIT, n(28.0));
    item.put(AlertTable.UPDATED_AT, s(openedAt.plusSeconds(61).toString()));
    return item;
  }

  /**
   * The item with 12 kB of padding added: 120 of them push a table past DynamoDB's 1 MB page, so a
   * Scan or Query takes several pages.
   */
  public static Map<String, AttributeValue> padded(Map<String, AttributeValue> item) {
    item.put("padding", s("x".repeat(12_000)));
    return item;
  }

  public static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  public static AttributeValue n(Number value) {
    return AttributeValue.fromN(value.toString());
  }
}
