package io.smartbuilding.api.history;

import io.smartbuilding.api.dynamo.Conditions;
import io.smartbuilding.api.dynamo.Item;
import io.smartbuilding.api.dynamo.Table;
import io.smartbuilding.api.dynamo.Tables;
import io.smartbuilding.contracts.tables.MetricHistoryTable;
import io.smartbuilding.contracts.tables.StoredTime;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Reads a series of the metric-history table and re-aggregates its stored buckets (one minute for
 * devices, five for zones, floors and buildings) into the requested resolution: min of mins, max of
 * maxes, sum of sums over sum of counts. Re-aggregating here keeps one stored series per scope.
 */
@ApplicationScoped
public class HistoryRepository {

  private final Table table;

  HistoryRepository(Tables tables) {
    this.table = tables.metricHistory();
  }

  public MetricHistory read(String seriesId, HistoryRange range) {
    Conditions conditions =
        new Conditions()
            .keyEquals(MetricHistoryTable.SERIES_ID, seriesId)
            .keyBetween(
                MetricHistoryTable.BUCKET_START,
                StoredTime.format(range.from()),
                StoredTime.format(range.to().minusMillis(1)));
    TreeMap<Instant, Bucket> buckets = new TreeMap<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      QueryResponse response =
          table.queryPage(
              query -> {
                query.exclusiveStartKey(from);
                conditions.applyTo(query);
              });
      for (Map<String, AttributeValue> stored : response.items()) {
        add(buckets, Item.of(stored), range.resolution());
      }
      start =
          response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
              ? response.lastEvaluatedKey()
              : null;
    } while (start != null);
    List<HistoryPoint> points = new ArrayList<>();
    buckets.forEach((at, b) -> points.add(b.point(at)));
    return new MetricHistory(
        range.metric(), range.resolution().wireValue(), range.from(), range.to(), points);
  }

  private static void add(TreeMap<Instant, Bucket> buckets, Item stored, Resolution resolution) {
    Instant bucketStart = stored.instant(MetricHistoryTable.BUCKET_START);
    Long count = stored.longInteger(MetricHistoryTable.COUNT);
    if (bucketStart == null || count == null || count <= 0) {
      return; // nothing was measured in it
    }
    Double sum = stored.decimal(MetricHistoryTable.SUM);
    Double avg = stored.decimal(MetricHistoryTable.AVG);
    double total = sum != null ? sum : (avg == null ? 0 : avg * count);
    buckets
        .computeIfAbsent(HistoryRange.alignDown(bucketStart, resolution), at -> new Bucket())
        .add(
            stored.decimal(MetricHistoryTable.MIN),
            stored.decimal(MetricHistoryTable.MAX),
            total,
            count);
  }

  /** Running aggregate of the stored buckets that fall into one answer bucket. */
  private static final class Bucket {
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private double sum;
    private long count;

    void add(Double storedMin, Double storedMax, double storedSum, long storedCount) {
      double mean = storedSum / storedCount;
      min = Math.min(min, storedMin == null ? mean : storedMin);
      max = Math.max(max, storedMax == null ? mean : storedMax);
      sum += storedSum;
      count += storedCount;
    }

    HistoryPoint point(Instant start) {
      return new HistoryPoint(start, min, max, sum / count, count);
    }
  }
}
