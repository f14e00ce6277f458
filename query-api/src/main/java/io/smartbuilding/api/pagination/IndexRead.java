package io.smartbuilding.api.pagination;

import io.smartbuilding.api.dynamo.Conditions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One ordered read of a table index that a list pages through.
 *
 * @param index the index queried
 * @param conditions its key condition and filter
 * @param descending newest (highest sort key) first
 * @param keyAttributes the attributes of a LastEvaluatedKey of this index (the table key plus the
 *     index key): a page that ends inside a DynamoDB page continues after the last item it kept
 */
public record IndexRead(
    String index, Conditions conditions, boolean descending, List<String> keyAttributes) {

  /** The start key that continues this read after {@code item}: its {@link #keyAttributes}. */
  public Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> key = new HashMap<>();
    for (String attribute : keyAttributes) {
      AttributeValue value = item.get(attribute);
      if (value != null) {
        key.put(attribute, value);
      }
    }
    return key;
  }
}
