package io.smartbuilding.analytics.building;

import static io.smartbuilding.contracts.tables.BuildingTable.BUILDING_ID;
import static io.smartbuilding.contracts.tables.BuildingTable.DEVICE_COUNT;
import static io.smartbuilding.contracts.tables.BuildingTable.FLOORS;
import static io.smartbuilding.contracts.tables.BuildingTable.UPDATED_AT;
import static io.smartbuilding.contracts.tables.BuildingTable.ZONES;

import io.smartbuilding.analytics.aws.ItemBuilder;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.dynamodb.sink.DynamoDbWriteRequest;
import org.apache.flink.connector.dynamodb.sink.DynamoDbWriteRequestType;

/** A {@link Building} as a put of its building item. */
public class BuildingItemConverter implements ElementConverter<Building, DynamoDbWriteRequest> {

  @Override
  public DynamoDbWriteRequest apply(Building building, SinkWriter.Context context) {
    return DynamoDbWriteRequest.builder()
        .setType(DynamoDbWriteRequestType.PUT)
        .setItem(
            new ItemBuilder()
                .string(BUILDING_ID, building.buildingId())
                .numberList(FLOORS, building.floors())
                .stringList(ZONES, building.zones())
                .number(DEVICE_COUNT, building.deviceCount())
                .time(UPDATED_AT, building.updatedAt())
                .build())
        .build();
  }
}
