package io.smartbuilding.api.pagination;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where the next page of a list starts, per ordered read ("stream") that feeds the list: most lists
 * read one index, the unfiltered alert list merges one read per status. A stream absent from {@code
 * positions} has not started; an empty key means it is finished; otherwise the key is the DynamoDB
 * ExclusiveStartKey to continue from.
 */
public record Cursor(Map<String, Map<String, AttributeValue>> positions) {

  /** The first page. */
  public static final Cursor START = new Cursor(Map.of());

  public Cursor {
    positions = Map.copyOf(positions);
  }

  public boolean finished(String stream) {
    Map<String, AttributeValue> key = positions.get(stream);
    return key != null && key.isEmpty();
  }

  /** The key to continue after, or null to read the stream from its beginning. */
  public Map<String, AttributeValue> after(String stream) {
    Map<String, AttributeValue> key = positions.get(stream);
    return key == null || key.isEmpty() ? null : key;
  }

  /** Whether every stream of the read is finished: the list has no next page. */
  public boolean finishedAll(Iterable<String> streams) {
    for (String stream : streams) {
      if (!finished(stream)) {
        return false;
      }
    }
    return true;
  }
}
