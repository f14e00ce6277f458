package io.smartbuilding.api.device;

import io.smartbuilding.api.config.ApiConfig;
import io.smartbuilding.contracts.tables.DeviceHealthTable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/** Reads the device-health table. */
@ApplicationScoped
public class DeviceRepository {

  private final DynamoDbClient dynamo;
  private final String table;

  DeviceRepository(DynamoDbClient dynamo, ApiConfig config) {
    this.dynamo = dynamo;
    this.table = config.tables().deviceHealth();
  }

  /** The building's devices by id, every page of the byBuilding index. */
  public List<DeviceSummary> inBuilding(String buildingId) {
    return dynamo
        .queryPaginator(
            b ->
                b.tableName(table)
                    .indexName(DeviceHealthTable.BY_BUILDING)
                    .keyConditionExpression("#building = :building")
                    .expressionAttributeNames(Map.of("#building", DeviceHealthTable.BUILDING_ID))
                    .expressionAttributeValues(
                        Map.of(":building", AttributeValue.fromS(buildingId))))
        .items()
        .stream()
        .map(DeviceSummary::fromItem)
        .toList();
  }

  public Optional<DeviceHealth> health(String deviceId) {
    GetItemResponse response =
        dynamo.getItem(
            b ->
                b.tableName(table)
                    .key(Map.of(DeviceHealthTable.DEVICE_ID, AttributeValue.fromS(deviceId))));
    return response.hasItem() && !response.item().isEmpty()
        ? Optional.of(DeviceHealth.fromItem(response.item()))
        : Optional.empty();
  }
}
