package io.smartbuilding.local.chaos;

import io.smartbuilding.contracts.tables.AlertTable;
import io.smartbuilding.contracts.tables.DeviceHealthTable;
import io.smartbuilding.contracts.tables.MetricHistoryTable;
import io.smartbuilding.contracts.tables.StoredTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What reached the end of the pipeline, read straight from the tables the analytics job writes
 * (not through the API, so an API fault cannot hide a loss). The end-to-end counter is the
 * metric-history table: every 1-minute bucket of a device's series holds the count of the distinct
 * readings in it, so the counts of a device add up to the number of distinct seqs it sent once the
 * windows have closed: a lost message makes the sum smaller, a duplicate counted twice larger.
 */
final class EndToEndLedger {

  private final DynamoDbClient dynamo;

  EndToEndLedger(DynamoDbClient dynamo) {
    this.dynamo = dynamo;
  }

  /** Per device, the sum of its 1-minute {@code metric} buckets' counts before {@code before}. */
  Map<String, Long> historyCounts(Collection<String> devices, String metric, Instant before) {
    Map<String, Long> counts = new TreeMap<>();
    historyTotals(devices, metric, before)
        .forEach((device, total) -> counts.put(device, total.count()));
    return counts;
  }

  /** Deletes the devices' 1-minute buckets of one metric; returns how many items it deleted. */
  int deleteHistory(Collection<String> devices, String metric) {
    int deleted = 0;
    for (String device : devices) {
      for (Map<String, AttributeValue> item : dynamo.queryPaginator(q -> q
              .tableName(MetricHistoryTable.DEFAULT_NAME)
              .keyConditionExpression("#s = :s")
              .expressionAttributeNames(Map.of("#s", MetricHistoryTable.SERIES_ID))
              .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(
                  MetricHistoryTable.deviceSeries(device, metric)))))
          .items()) {
        dynamo.deleteItem(d -> d.tableName(MetricHistoryTable.DEFAULT_NAME).key(Map.of(
            MetricHistoryTable.SERIES_ID, item.get(MetricHistoryTable.SERIES_ID),
            MetricHistoryTable.BUCKET_START, item.get(MetricHistoryTable.BUCKET_START))));
        deleted++;
      }
    }
    return deleted;
  }

  /** A device's 1-minute buckets of one metric before a moment, added up. */
  record SeriesTotal(long count, double sum) {}

  Map<String, SeriesTotal> historyTotals(
      Collection<String> devices, String metric, Instant before) {
    Map<String, SeriesTotal> totals = new TreeMap<>();
    for (String device : devices) {
      long count = 0;
      double sum = 0;
      for (Map<String, AttributeValue> item : dynamo.queryPaginator(q -> q
              .tableName(MetricHistoryTable.DEFAULT_NAME)
              .keyConditionExpression("#s = :s")
              .expressionAttributeNames(Map.of("#s", MetricHistoryTable.SERIES_ID))
              .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(
                  MetricHistoryTable.deviceSeries(device, metric)))))
          .items()) {
        if (StoredTime.parse(item.get(MetricHistoryTable.BUCKET_START).s()).isBefore(before)) {
          count += Long.parseLong(item.get(MetricHistoryTable.COUNT).n());
          sum += Double.parseDouble(item.get(MetricHistoryTable.SUM).n());
        }
      }
      totals.put(device, new SeriesTotal(count, sum));
    }
    return totals;
  }

  /** Per device, the lastSeq of its device-health item (0 when there is none yet). */
  Map<String, Long> lastSeqs(Collection<String> devices) {
    Map<String, Long> seqs = new TreeMap<>();
    for (String device : devices) {
      Map<String, AttributeValue> item = dynamo.getItem(g -> g
          .tableName(DeviceHealthTable.DEFAULT_NAME)
          .key(Map.of(DeviceHealthTable.DEVICE_ID, AttributeValue.fromS(device)))
          .consistentRead(true)).item();
      seqs.put(device, item == null || !item.containsKey(DeviceHealthTable.LAST_SEQ) ? 0L
          : Long.parseLong(item.get(DeviceHealthTable.LAST_SEQ).n()));
    }
    return seqs;
  }

  /** The alert items of these devices. */
  List<Map<String, AttributeValue>> alertsOf(Collection<String> devices) {
    List<Map<String, AttributeValue>> alerts = new ArrayList<>();
    dynamo.scanPaginator(s -> s.tableName(AlertTable.DEFAULT_NAME)).items().forEach(item -> {
      if (devices.contains(item.get(AlertTable.DEVICE_ID).s())) {
        alerts.add(item);
      }
    });
    return alerts;
  }

  /**
   * Alerts of one device and rule whose episodes overlap: the same condition written twice under
   * different keys. Empty when every episode is one item. Episodes are [openedAt, resolvedAt].
   */
  static List<String> overlappingEpisodes(List<Map<String, AttributeValue>> alerts) {
    Map<String, List<Map<String, AttributeValue>>> byDeviceAndRule = new TreeMap<>();
    for (Map<String, AttributeValue> alert : alerts) {
      byDeviceAndRule.computeIfAbsent(alert.get(AlertTable.DEVICE_ID).s() + "#"
          + alert.get(AlertTable.RULE_ID).s(), k -> new ArrayList<>()).add(alert);
    }
    List<String> overlaps = new ArrayList<>();
    byDeviceAndRule.forEach((key, episodes) -> {
      episodes.sort(Comparator.comparing(a -> StoredTime.parse(a.get(AlertTable.OPENED_AT).s())));
      for (int i = 1; i < episodes.size(); i++) {
        Map<String, AttributeValue> previous = episodes.get(i - 1);
        Instant opened = StoredTime.parse(episodes.get(i).get(AlertTable.OPENED_AT).s());
        AttributeValue resolved = previous.get(AlertTable.RESOLVED_AT);
        if (resolved == null || resolved.s() == null
            || StoredTime.parse(resolved.s()).isAfter(opened)) {
          overlaps.add(previous.get(AlertTable.ALERT_ID).s() + " overlaps "
              + episodes.get(i).get(AlertTable.ALERT_ID).s());
        }
      }
    });
    return overlaps;
  }
}
