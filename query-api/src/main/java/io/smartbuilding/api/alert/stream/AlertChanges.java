package io.smartbuilding.api.alert.stream;

import io.smartbuilding.api.alert.Alert;
import io.smartbuilding.api.config.ApiConfig;
import io.smartbuilding.contracts.tables.AlertTable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads a building's alert changes through the byBuildingUpdated index, oldest change first. */
@ApplicationScoped
public class AlertChanges {

  private final DynamoDbClient dynamo;
  private final String table;

  AlertChanges(DynamoDbClient dynamo, ApiConfig config) {
    this.dynamo = dynamo;
    this.table = config.tables().alerts();
  }

  /** Alerts of {@code buildingId} whose updatedAt (stored time) is at or after {@code since}. */
  public Stream<Alert> since(String buildingId, String since) {
    return dynamo
        .queryPaginator(
            b ->
                b.tableName(table)
                    .indexName(AlertTable.BY_BUILDING_UPDATED)
                    .keyConditionExpression("#building = :building AND #updatedAt >= :since")
                    .expressionAttributeNames(
                        Map.of(
                            "#building", AlertTable.BUILDING_ID,
                            "#updatedAt", AlertTable.UPDATED_AT))
                    .expressionAttributeValues(
                        Map.of(
                            ":building", AttributeValue.fromS(buildingId),
                            ":since", AttributeValue.fromS(since)))
                    .scanIndexForward(true))
        .items()
        .stream()
        .map(Alert::fromItem);
  }
}
