package io.smartbuilding.api.testing;

import io.smartbuilding.contracts.alert.AlertStatus;
import io.smartbuilding.contracts.alert.AlertType;
import io.smartbuilding.contracts.alert.Severity;
import io.smartbuilding.contracts.health.DeviceStatus;
import io.smartbuilding.contracts.tables.AlertTable;
import io.smartbuilding.contracts.tables.BuildingTable;
import io.smartbuilding.contracts.tables.DeviceHealthTable;
import io.smartbuilding.contracts.tables.MetricHistoryTable;
import io.smartbuilding.contracts.tables.StoredTime;
import io.smartbuilding.contracts.telemetry.DeviceType;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items as analytics-job writes them, built only from the contracts' attribute names and value
 * formats: alert times fixed-width (StoredTime), numbers as N, enums by their wire value.
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
    item.put(DeviceHealthTable.HEALTH_SCORE, n(status == DeviceStatus.OK ? 100 : 72));
    item.put(
        DeviceHealthTable.REASONS,
        AttributeValue.fromL(
            status == DeviceStatus.OK
                ? List.of()
                : List.of(s("vibrationMmS rising: 6.1 mm/s, baseline 2.3 mm/s"))));
    item.put(DeviceHealthTable.OPEN_ALERTS, n(status == DeviceStatus.OK ? 0 : 1));
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
    item.put(AlertTable.OPENED_AT, s(StoredTime.format(openedAt)));
    item.put(AlertTable.LAST_SEEN_AT, s(StoredTime.format(openedAt.plusSeconds(60))));
    if (status == AlertStatus.RESOLVED) {
      item.put(AlertTable.RESOLVED_AT, s(StoredTime.format(openedAt.plusSeconds(120))));
    }
    item.put(AlertTable.PEAK_VALUE, n(31.2));
    item.put(AlertTable.LIMIT, n(28.0));
    item.put(AlertTable.UPDATED_AT, s(StoredTime.format(openedAt.plusSeconds(61))));
    return item;
  }

  /** An alert as {@link #alert} writes it, of another severity. */
  public static Map<String, AttributeValue> alert(
      String deviceId,
      String buildingId,
      AlertType type,
      AlertStatus status,
      Severity severity,
      Instant openedAt) {
    Map<String, AttributeValue> item = alert(deviceId, buildingId, type, status, openedAt);
    item.put(AlertTable.SEVERITY, s(severity.name()));
    return item;
  }

  /** A device with another type, as {@link #device} writes it. */
  public static Map<String, AttributeValue> device(
      String deviceId,
      String buildingId,
      int floor,
      String zone,
      DeviceType type,
      DeviceStatus status,
      Instant lastSeen) {
    Map<String, AttributeValue> item = device(deviceId, buildingId, floor, zone, status, lastSeen);
    item.put(DeviceHealthTable.DEVICE_TYPE, s(type.name()));
    return item;
  }

  /** One stored aggregate of a metric-history series. */
  public static Map<String, AttributeValue> historyBucket(
      String seriesId, Instant bucketStart, double min, double max, double sum, long count) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(MetricHistoryTable.SERIES_ID, s(seriesId));
    item.put(MetricHistoryTable.BUCKET_START, s(StoredTime.format(bucketStart)));
    item.put(MetricHistoryTable.MIN, n(min));
    item.put(MetricHistoryTable.MAX, n(max));
    item.put(MetricHistoryTable.SUM, n(sum));
    item.put(MetricHistoryTable.COUNT, n(count));
    item.put(MetricHistoryTable.AVG, n(sum / count));
    item.put(MetricHistoryTable.EXPIRES_AT, n(bucketStart.getEpochSecond() + 30L * 86400));
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
