package io.smartbuilding.analytics.rules;

import io.smartbuilding.analytics.aws.DynamoDbClientFactory;
import io.smartbuilding.analytics.aws.ItemBuilder;
import io.smartbuilding.contracts.tables.RuleTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The rules table (contracts' RuleTable). An empty or missing table means {@code defaults}: a job
 * without rules would raise nothing, and a rule is turned off by storing it with enabled=false.
 */
public final class DynamoDbRuleStore implements RuleStore, AutoCloseable {

  private final DynamoDbClientFactory clients;
  private final String table;
  private final RuleSet defaults;
  private transient DynamoDbClient client;

  public DynamoDbRuleStore(DynamoDbClientFactory clients, String table, RuleSet defaults) {
    this.clients = clients;
    this.table = table;
    this.defaults = defaults;
  }

  @Override
  public LoadedRules load() {
    List<Rule> rules = new ArrayList<>();
    List<String> invalid = new ArrayList<>();
    List<Map<String, AttributeValue>> items;
    try {
      items =
          client().scanPaginator(b -> b.tableName(table).consistentRead(true)).items().stream()
              .toList();
    } catch (ResourceNotFoundException missing) {
      return new LoadedRules(defaults, List.of());
    }
    for (Map<String, AttributeValue> item : items) {
      try {
        rules.add(fields(item).toRule());
      } catch (IllegalArgumentException e) {
        invalid.add(e.getMessage());
      }
    }
    if (items.isEmpty()) {
      return new LoadedRules(defaults, invalid);
    }
    rules.sort((a, b) -> a.ruleId().compareTo(b.ruleId()));
    return new LoadedRules(new RuleSet(rules), invalid);
  }

  /**
   * Writes the defaults into an empty table (local stacks, {@code dynamodb.create-tables=true}), so
   * operators see and can change them. Each put only happens where the rule is absent.
   */
  public void seedIfEmpty() {
    if (client().scan(b -> b.tableName(table).limit(1)).count() > 0) {
      return;
    }
    for (Rule rule : defaults.rules()) {
      try {
        client()
            .putItem(
                b ->
                    b.tableName(table)
                        .item(item(rule, Instant.now()))
                        .conditionExpression("attribute_not_exists(" + RuleTable.RULE_ID + ")"));
      } catch (ConditionalCheckFailedException alreadyThere) {
        // someone stored it meanwhile: theirs wins
      }
    }
  }

  /** A rule as a rules-table item. */
  public static Map<String, AttributeValue> item(Rule rule, Instant updatedAt) {
    Map<String, AttributeValue> item =
        new java.util.HashMap<>(
            new ItemBuilder()
                .string(RuleTable.RULE_ID, rule.ruleId())
                .string(RuleTable.DEVICE_TYPE, rule.deviceType())
                .string(RuleTable.METRIC, rule.metric())
                .string(RuleTable.KIND, rule.kind())
                .string(RuleTable.ALERT_TYPE, rule.alertType())
                .number(RuleTable.THRESHOLD, rule.threshold())
                .number(RuleTable.HYSTERESIS, rule.hysteresis())
                .number(RuleTable.DURATION_SECONDS, rule.durationSeconds())
                .string(RuleTable.SEVERITY, rule.severity())
                .string(RuleTable.DESCRIPTION, rule.description())
                .time(RuleTable.UPDATED_AT, updatedAt)
                .build());
    item.put(RuleTable.ENABLED, AttributeValue.fromBool(rule.enabled()));
    return item;
  }

  private static RuleFields fields(Map<String, AttributeValue> item) {
    return new RuleFields() {
      @Override
      String text(String name) {
        AttributeValue v = item.get(name);
        return v == null || v.s() == null ? null : v.s();
      }

      @Override
      Double number(String name) {
        AttributeValue v = item.get(name);
        if (v == null) {
          return null;
        }
        try {
          return v.n() != null ? Double.valueOf(v.n()) : Double.valueOf(v.s());
        } catch (NumberFormatException | NullPointerException e) {
          return Double.NaN;
        }
      }

      @Override
      Boolean bool(String name) {
        AttributeValue v = item.get(name);
        if (v == null) {
          return null;
        }
        return v.bool() != null ? v.bool() : v.s() != null ? parseBoolean(v.s()) : null;
      }

      @Override
      boolean present(String name) {
        AttributeValue v = item.get(name);
        return v != null && !Boolean.TRUE.equals(v.nul());
      }
    };
  }

  private DynamoDbClient client() {
    if (client == null) {
      client = clients.create();
    }
    return client;
  }

  @Override
  public void close() {
    if (client != null) {
      client.close();
      client = null;
    }
  }
}
