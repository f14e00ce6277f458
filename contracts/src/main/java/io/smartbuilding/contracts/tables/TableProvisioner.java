package io.smartbuilding.contracts.tables;

import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Creates the platform's tables where they are missing. For local stacks and tests only: in AWS the
 * tables come from the infrastructure code, and the services are not allowed to create them.
 */
public final class TableProvisioner {

  /** The table names one deployment uses. */
  public record TableNames(
      String deviceHealth, String alerts, String buildings, String metricHistory, String rules) {
    public static TableNames defaults() {
      return new TableNames(
          DeviceHealthTable.DEFAULT_NAME,
          AlertTable.DEFAULT_NAME,
          BuildingTable.DEFAULT_NAME,
          MetricHistoryTable.DEFAULT_NAME,
          RuleTable.DEFAULT_NAME);
    }

    /** Every table name with {@code prefix} in front: separate table sets in one test. */
    public static TableNames prefixed(String prefix) {
      TableNames d = defaults();
      return new TableNames(
          prefix + d.deviceHealth,
          prefix + d.alerts,
          prefix + d.buildings,
          prefix + d.metricHistory,
          prefix + d.rules);
    }
  }

  private final DynamoDbClient dynamo;

  public TableProvisioner(DynamoDbClient dynamo) {
    this.dynamo = dynamo;
  }

  public void createIfMissing(TableNames names) {
    create(
        CreateTableRequest.builder()
            .tableName(names.deviceHealth())
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(
                string(DeviceHealthTable.DEVICE_ID), string(DeviceHealthTable.BUILDING_ID))
            .keySchema(hash(DeviceHealthTable.DEVICE_ID))
            .globalSecondaryIndexes(
                index(
                    DeviceHealthTable.BY_BUILDING,
                    DeviceHealthTable.BUILDING_ID,
                    DeviceHealthTable.DEVICE_ID))
            .build());
    create(
        CreateTableRequest.builder()
            .tableName(names.alerts())
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(
                string(AlertTable.ALERT_ID),
                string(AlertTable.BUILDING_ID),
                string(AlertTable.STATUS),
                string(AlertTable.OPENED_AT),
                string(AlertTable.UPDATED_AT))
            .keySchema(hash(AlertTable.ALERT_ID))
            .globalSecondaryIndexes(
                index(AlertTable.BY_BUILDING, AlertTable.BUILDING_ID, AlertTable.OPENED_AT),
                index(AlertTable.BY_STATUS, AlertTable.STATUS, AlertTable.OPENED_AT),
                index(
                    AlertTable.BY_BUILDING_UPDATED, AlertTable.BUILDING_ID, AlertTable.UPDATED_AT))
            .build());
    create(
        CreateTableRequest.builder()
            .tableName(names.buildings())
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(string(BuildingTable.BUILDING_ID))
            .keySchema(hash(BuildingTable.BUILDING_ID))
            .build());
    create(
        CreateTableRequest.builder()
            .tableName(names.metricHistory())
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(
                string(MetricHistoryTable.SERIES_ID), string(MetricHistoryTable.BUCKET_START))
            .keySchema(
                hash(MetricHistoryTable.SERIES_ID),
                KeySchemaElement.builder()
                    .attributeName(MetricHistoryTable.BUCKET_START)
                    .keyType(KeyType.RANGE)
                    .build())
            .build());
    create(
        CreateTableRequest.builder()
            .tableName(names.rules())
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(string(RuleTable.RULE_ID))
            .keySchema(hash(RuleTable.RULE_ID))
            .build());
  }

  private void create(CreateTableRequest request) {
    try {
      dynamo.createTable(request);
    } catch (ResourceInUseException alreadyThere) {
      // idempotent: a second start finds the table it created before
    }
    waitUntilActive(request.tableName());
  }

  private void waitUntilActive(String table) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (dynamo.describeTable(b -> b.tableName(table)).table().tableStatus()
        != TableStatus.ACTIVE) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("table " + table + " did not become ACTIVE in 60 s");
      }
      sleep(200);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a table", e);
    }
  }

  private static AttributeDefinition string(String name) {
    return AttributeDefinition.builder()
        .attributeName(name)
        .attributeType(ScalarAttributeType.S)
        .build();
  }

  private static KeySchemaElement hash(String name) {
    return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
  }

  private static GlobalSecondaryIndex index(String name, String hashKey, String rangeKey) {
    return GlobalSecondaryIndex.builder()
        .indexName(name)
        .keySchema(
            List.of(
                hash(hashKey),
                KeySchemaElement.builder().attributeName(rangeKey).keyType(KeyType.RANGE).build()))
        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
        .build();
  }
}
