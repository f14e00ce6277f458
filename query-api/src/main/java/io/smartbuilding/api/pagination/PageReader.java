package io.smartbuilding.api.pagination;

import io.smartbuilding.api.dynamo.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Reads one page of an index. DynamoDB applies Limit before the filter, so a filtered Query can
 * answer with few or no items and a LastEvaluatedKey: this keeps querying until it has {@code
 * limit} items or the index ends, up to {@link #MAX_CALLS} calls, after which the page is returned
 * short but with a cursor, so one request never reads a whole partition.
 */
public final class PageReader {

  /** DynamoDB calls one page may make. */
  public static final int MAX_CALLS = 25;

  /**
   * With a filter, ask for a few times the items still missing, doubling on every further call: few
   * round trips when the filter keeps little, little over-reading when it keeps much.
   */
  private static final int FILTER_READ_AHEAD = 4;

  private static final int MAX_DYNAMO_LIMIT = 1000;

  private PageReader() {}

  /**
   * Up to {@code limit} items of {@code read} that pass its filter and {@code keep}, starting after
   * {@code after} (null: from the beginning).
   */
  public static Slice read(
      Table table,
      IndexRead read,
      Map<String, AttributeValue> after,
      int limit,
      Predicate<Map<String, AttributeValue>> keep) {
    List<Map<String, AttributeValue>> kept = new ArrayList<>();
    Map<String, AttributeValue> start = after;
    int readAhead = FILTER_READ_AHEAD;
    for (int call = 0; call < MAX_CALLS; call++) {
      int missing = limit - kept.size();
      int ask =
          read.conditions().hasFilter() ? Math.min(missing * readAhead, MAX_DYNAMO_LIMIT) : missing;
      // A filter that keeps little: read further ahead on each call.
      readAhead *= 2;
      Map<String, AttributeValue> from = start;
      QueryResponse response =
          table.queryPage(
              query -> {
                query
                    .indexName(read.index())
                    .scanIndexForward(!read.descending())
                    .limit(ask)
                    .exclusiveStartKey(from);
                read.conditions().applyTo(query);
              });
      List<Map<String, AttributeValue>> items = response.items();
      boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
      for (int i = 0; i < items.size(); i++) {
        Map<String, AttributeValue> item = items.get(i);
        if (keep.test(item)) {
          kept.add(item);
        }
        if (kept.size() == limit) {
          boolean lastOfIndex = i == items.size() - 1 && !more;
          return new Slice(kept, lastOfIndex ? null : read.keyOf(item));
        }
      }
      if (!more) {
        return new Slice(kept, null);
      }
      start = response.lastEvaluatedKey();
    }
    return new Slice(kept, start);
  }
}
