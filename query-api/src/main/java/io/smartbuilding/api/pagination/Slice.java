package io.smartbuilding.api.pagination;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What one read of an index returned: up to {@code limit} matching items and where to continue,
 * null when the index holds nothing more.
 */
public record Slice(List<Map<String, AttributeValue>> items, Map<String, AttributeValue> next) {

  public boolean ended() {
    return next == null;
  }
}
