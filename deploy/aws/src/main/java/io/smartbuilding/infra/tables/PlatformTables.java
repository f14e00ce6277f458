package io.smartbuilding.infra.tables;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.constructs.Construct;

/**
 * The platform's DynamoDB tables. On-demand: load follows the fleet and the time of day, and there
 * is no capacity to plan or alarm on. Point-in-time recovery on, and retained when the stack is
 * deleted: alerts, their audit trail and the rules are the operators' records.
 */
public final class PlatformTables extends Construct {

  private final Map<String, Table> byName = new LinkedHashMap<>();

  public PlatformTables(Construct scope, String id) {
    super(scope, id);
    add("DeviceHealth", PlatformTableSpecs.deviceHealth());
    add("Alerts", PlatformTableSpecs.alerts());
    add("Buildings", PlatformTableSpecs.buildings());
    add("MetricHistory", PlatformTableSpecs.metricHistory());
    add("Rules", PlatformTableSpecs.rules());
  }

  private void add(String id, TableSpec spec) {
    Table.Builder builder =
        Table.Builder.create(this, id)
            .tableName(spec.name())
            .partitionKey(spec.partitionKey().toAttribute())
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .pointInTimeRecoverySpecification(
                PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build())
            .removalPolicy(RemovalPolicy.RETAIN);
    spec.sortKey().ifPresent(k -> builder.sortKey(k.toAttribute()));
    spec.timeToLiveAttribute().ifPresent(builder::timeToLiveAttribute);
    Table table = builder.build();
    for (TableSpec.IndexSpec index : spec.indexes()) {
      table.addGlobalSecondaryIndex(
          GlobalSecondaryIndexProps.builder()
              .indexName(index.name())
              .partitionKey(index.partitionKey().toAttribute())
              .sortKey(index.sortKey().toAttribute())
              .projectionType(ProjectionType.ALL)
              .build());
    }
    byName.put(spec.name(), table);
  }

  /** The table of this name (one of {@link PlatformTableSpecs#NAMES}). */
  public Table table(String name) {
    Table table = byName.get(name);
    if (table == null) {
      throw new IllegalArgumentException("no table " + name + "; tables: " + byName.keySet());
    }
    return table;
  }

  public Map<String, Table> all() {
    return Map.copyOf(byName);
  }
}
