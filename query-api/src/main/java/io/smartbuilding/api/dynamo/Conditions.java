package io.smartbuilding.api.dynamo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The key condition and filter of one Query, built clause by clause. Every attribute name and value
 * goes through a placeholder ({@code #a0}, {@code :v0}), so reserved words such as {@code status}
 * and {@code type} are safe and no request value ever becomes expression syntax.
 */
public final class Conditions {

  private final Map<String, String> names = new HashMap<>();
  private final Map<String, AttributeValue> values = new HashMap<>();
  private final List<String> key = new ArrayList<>();
  private final List<String> filter = new ArrayList<>();

  public Conditions keyEquals(String attribute, String value) {
    key.add(name(attribute) + " = " + value(AttributeValue.fromS(value)));
    return this;
  }

  /** Sort key from {@code low} to {@code high}, both inclusive. */
  public Conditions keyBetween(String attribute, String low, String high) {
    key.add(
        name(attribute)
            + " BETWEEN "
            + value(AttributeValue.fromS(low))
            + " AND "
            + value(AttributeValue.fromS(high)));
    return this;
  }

  public Conditions keyAtLeast(String attribute, String low) {
    key.add(name(attribute) + " >= " + value(AttributeValue.fromS(low)));
    return this;
  }

  public Conditions keyAtMost(String attribute, String high) {
    key.add(name(attribute) + " <= " + value(AttributeValue.fromS(high)));
    return this;
  }

  public Conditions filterEquals(String attribute, AttributeValue value) {
    filter.add(name(attribute) + " = " + value(value));
    return this;
  }

  /** The attribute holds one of {@code choices}; nothing is added for an empty list. */
  public Conditions filterIn(String attribute, List<String> choices) {
    if (choices.isEmpty()) {
      return this;
    }
    if (choices.size() == 1) {
      return filterEquals(attribute, AttributeValue.fromS(choices.get(0)));
    }
    List<String> placeholders = new ArrayList<>();
    for (String choice : choices) {
      placeholders.add(value(AttributeValue.fromS(choice)));
    }
    filter.add(name(attribute) + " IN (" + String.join(", ", placeholders) + ")");
    return this;
  }

  public boolean hasFilter() {
    return !filter.isEmpty();
  }

  public void applyTo(QueryRequest.Builder query) {
    query.keyConditionExpression(String.join(" AND ", key));
    if (hasFilter()) {
      query.filterExpression(String.join(" AND ", filter));
    }
    query.expressionAttributeNames(Map.copyOf(names)).expressionAttributeValues(Map.copyOf(values));
  }

  private String name(String attribute) {
    for (Map.Entry<String, String> known : names.entrySet()) {
      if (known.getValue().equals(attribute)) {
        return known.getKey();
      }
    }
    String placeholder = "#a" + names.size();
    names.put(placeholder, attribute);
    return placeholder;
  }

  private String value(AttributeValue value) {
    String placeholder = ":v" + values.size();
    values.put(placeholder, value);
    return placeholder;
  }
}
