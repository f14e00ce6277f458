package io.smartbuilding.api.dynamo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * One DynamoDB table and the reads the repositories make of it. Scans and queries follow every page
 * lazily: a caller that stops consuming the stream stops fetching pages.
 */
public final class Table {

  /** An attribute that must hold this string, as a key condition or a filter. */
  public record Equals(String attribute, String value) {}

  /** DynamoDB's limit on the keys of one BatchGetItem. */
  public static final int MAX_BATCH_KEYS = 100;

  private final DynamoDbClient dynamo;
  private final String name;

  Table(DynamoDbClient dynamo, String name) {
    this.dynamo = dynamo;
    this.name = name;
  }

  /** Every item; only for tables that stay small. */
  public Stream<Map<String, AttributeValue>> scan() {
    return dynamo.scanPaginator(b -> b.tableName(name)).items().stream();
  }

  /** The item with this key, reading only the {@code projection} attributes if any are named. */
  public Optional<Map<String, AttributeValue>> get(Equals key, String... projection) {
    GetItemResponse response =
        dynamo.getItem(
            b -> {
              b.tableName(name).key(Map.of(key.attribute(), AttributeValue.fromS(key.value())));
              if (projection.length > 0) {
                b.projectionExpression(String.join(",", projection));
              }
            });
    return response.hasItem() && !response.item().isEmpty()
        ? Optional.of(response.item())
        : Optional.empty();
  }

  /**
   * The items whose string key {@code keyAttribute} is one of {@code ids} (at most {@link
   * #MAX_BATCH_KEYS}), in no particular order; ids without an item are left out. Follows
   * UnprocessedKeys, which DynamoDB returns when it throttles part of a batch.
   */
  public List<Map<String, AttributeValue>> batchGet(String keyAttribute, Collection<String> ids) {
    if (ids.size() > MAX_BATCH_KEYS) {
      throw new IllegalArgumentException("at most " + MAX_BATCH_KEYS + " keys per batch");
    }
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    if (ids.isEmpty()) {
      return items;
    }
    List<Map<String, AttributeValue>> keys =
        ids.stream().map(id -> Map.of(keyAttribute, AttributeValue.fromS(id))).toList();
    Map<String, KeysAndAttributes> request =
        Map.of(name, KeysAndAttributes.builder().keys(keys).build());
    while (!request.isEmpty()) {
      Map<String, KeysAndAttributes> pending = request;
      BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(pending));
      items.addAll(response.responses().getOrDefault(name, List.of()));
      request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
    }
    return items;
  }

  /**
   * One Query call, for reads that page themselves (see pagination.PageReader): {@code request}
   * sets everything but the table name.
   */
  public QueryResponse queryPage(Consumer<QueryRequest.Builder> request) {
    return dynamo.query(
        b -> {
          request.accept(b);
          b.tableName(name);
        });
  }

  /**
   * The items of {@code index} matching {@code key} and, if present, {@code filter}. {@code
   * options} sets what else the query needs (order, page size). The attribute names go through
   * placeholders, so reserved words such as {@code status} are safe.
   */
  public Stream<Map<String, AttributeValue>> query(
      String index, Equals key, Optional<Equals> filter, Consumer<QueryRequest.Builder> options) {
    Map<String, String> names = new HashMap<>(Map.of("#key", key.attribute()));
    Map<String, AttributeValue> values =
        new HashMap<>(Map.of(":key", AttributeValue.fromS(key.value())));
    QueryRequest.Builder query =
        QueryRequest.builder()
            .tableName(name)
            .indexName(index)
            .keyConditionExpression("#key = :key");
    filter.ifPresent(
        f -> {
          names.put("#filter", f.attribute());
          values.put(":filter", AttributeValue.fromS(f.value()));
          query.filterExpression("#filter = :filter");
        });
    options.accept(query);
    query.expressionAttributeNames(names).expressionAttributeValues(values);
    return dynamo.queryPaginator(query.build()).items().stream();
  }
}
