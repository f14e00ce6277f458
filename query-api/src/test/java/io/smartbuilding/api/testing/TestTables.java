package io.smartbuilding.api.testing;

import io.smartbuilding.api.config.ApiConfig;
import io.smartbuilding.contracts.tables.AlertTable;
import io.smartbuilding.contracts.tables.BuildingTable;
import io.smartbuilding.contracts.tables.DeviceHealthTable;
import io.smartbuilding.contracts.tables.MetricHistoryTable;
import io.smartbuilding.contracts.tables.TableProvisioner.TableNames;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Seeds and empties the API's tables in the test's dynalite. A bean, so a {@code @QuarkusTest}
 * injects it already pointed at the tables the application reads.
 */
@ApplicationScoped
public class TestTables {

  private final DynamoDbClient dynamo;
  private final TableNames names;

  TestTables(DynamoDbClient dynamo, ApiConfig config) {
    this.dynamo = dynamo;
    this.names = config.tables().names();
  }

  public void clear() {
    clear(names.deviceHealth(), DeviceHealthTable.DEVICE_ID);
    clear(names.alerts(), AlertTable.ALERT_ID);
    clear(names.buildings(), BuildingTable.BUILDING_ID);
    clear(names.metricHistory(), MetricHistoryTable.SERIES_ID, MetricHistoryTable.BUCKET_START);
  }

  public void putBuildings(List<Map<String, AttributeValue>> items) {
    put(names.buildings(), items);
  }

  public void putDevices(List<Map<String, AttributeValue>> items) {
    put(names.deviceHealth(), items);
  }

  public void putAlerts(List<Map<String, AttributeValue>> items) {
    put(names.alerts(), items);
  }

  public void putHistory(List<Map<String, AttributeValue>> items) {
    put(names.metricHistory(), items);
  }

  /** Whether a Scan of the buildings table takes more than one page. */
  public boolean buildingScanIsPaged() {
    return dynamo.scan(b -> b.tableName(names.buildings())).hasLastEvaluatedKey();
  }

  /** Whether the byBuilding query of the device-health table takes more than one page. */
  public boolean deviceQueryIsPaged(String buildingId) {
    return dynamo
        .query(
            b ->
                b.tableName(names.deviceHealth())
                    .indexName(DeviceHealthTable.BY_BUILDING)
                    .keyConditionExpression(DeviceHealthTable.BUILDING_ID + " = :b")
                    .expressionAttributeValues(Map.of(":b", AttributeValue.fromS(buildingId))))
        .hasLastEvaluatedKey();
  }

  private void put(String table, List<Map<String, AttributeValue>> items) {
    for (int from = 0; from < items.size(); from += 25) {
      List<WriteRequest> batch =
          items.subList(from, Math.min(from + 25, items.size())).stream()
              .map(
                  i ->
                      WriteRequest.builder()
                          .putRequest(PutRequest.builder().item(i).build())
                          .build())
              .toList();
      Map<String, List<WriteRequest>> pending = Map.of(table, batch);
      while (!pending.isEmpty()) {
        Map<String, List<WriteRequest>> request = pending;
        pending = dynamo.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
      }
    }
  }

  private void clear(String table, String keyAttribute) {
    clear(table, keyAttribute, null);
  }

  private void clear(String table, String keyAttribute, String sortKeyAttribute) {
    Map<String, String> keyNames =
        sortKeyAttribute == null
            ? Map.of("#k", keyAttribute)
            : Map.of("#k", keyAttribute, "#s", sortKeyAttribute);
    dynamo
        .scanPaginator(
            b ->
                b.tableName(table)
                    .projectionExpression(sortKeyAttribute == null ? "#k" : "#k, #s")
                    .expressionAttributeNames(keyNames))
        .items()
        .forEach(key -> dynamo.deleteItem(b -> b.tableName(table).key(key)));
  }
}
