package io.smartbuilding.api.building;

import io.smartbuilding.api.config.ApiConfig;
import io.smartbuilding.contracts.tables.BuildingTable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads the buildings table. */
@ApplicationScoped
public class BuildingRepository {

  private final DynamoDbClient dynamo;
  private final String table;

  BuildingRepository(DynamoDbClient dynamo, ApiConfig config) {
    this.dynamo = dynamo;
    this.table = config.tables().buildings();
  }

  /**
   * Every building, sorted by id. A Scan is fine here: one small item per building, and the
   * paginator follows LastEvaluatedKey to the end.
   */
  public List<Building> all() {
    return dynamo.scanPaginator(b -> b.tableName(table)).items().stream()
        .map(Building::fromItem)
        .sorted(Comparator.comparing(Building::buildingId))
        .toList();
  }

  public boolean exists(String buildingId) {
    return dynamo
        .getItem(
            b ->
                b.tableName(table)
                    .key(Map.of(BuildingTable.BUILDING_ID, AttributeValue.fromS(buildingId)))
                    .projectionExpression(BuildingTable.BUILDING_ID))
        .hasItem();
  }
}
