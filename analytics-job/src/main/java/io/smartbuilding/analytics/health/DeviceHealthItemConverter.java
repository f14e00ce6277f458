package io.smartbuilding.analytics.health;

import static io.smartbuilding.contracts.tables.DeviceHealthTable.BUILDING_ID;
import static io.smartbuilding.contracts.tables.DeviceHealthTable.DEVICE_ID;
import static io.smartbuilding.contracts.tables.DeviceHealthTable.DEVICE_TYPE;
import static io.smartbuilding.contracts.tables.DeviceHealthTable.FLOOR;
import static io.smartbuilding.contracts.tables.DeviceHealthTable.HEALTH_SCORE;
import static io.smartbuilding.contracts.tables.DeviceHealthTable.LAST_SEEN;
import static io.smartbuilding.contracts.tables.DeviceHealthTable.LAST_SEQ;
import static io.smartbuilding.contracts.tables.DeviceHealthTable.METRICS;
import static io.smartbuilding.contracts.tables.DeviceHealthTable.OPEN_ALERTS;
import static io.smartbuilding.contracts.tables.DeviceHealthTable.REASONS;
import static io.smartbuilding.contracts.tables.DeviceHealthTable.STATUS;
import static io.smartbuilding.contracts.tables.DeviceHealthTable.UPDATED_AT;
import static io.smartbuilding.contracts.tables.DeviceHealthTable.ZONE;

import io.smartbuilding.analytics.aws.ItemBuilder;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.dynamodb.sink.DynamoDbWriteRequest;
import org.apache.flink.connector.dynamodb.sink.DynamoDbWriteRequestType;

/** A {@link DeviceHealth} as a put of its device-health item. */
public class DeviceHealthItemConverter
    implements ElementConverter<DeviceHealth, DynamoDbWriteRequest> {

  @Override
  public DynamoDbWriteRequest apply(DeviceHealth health, SinkWriter.Context context) {
    return DynamoDbWriteRequest.builder()
        .setType(DynamoDbWriteRequestType.PUT)
        .setItem(
            new ItemBuilder()
                .string(DEVICE_ID, health.deviceId())
                .string(BUILDING_ID, health.buildingId())
                .number(FLOOR, health.floor())
                .string(ZONE, health.zone())
                .string(DEVICE_TYPE, health.deviceType())
                .string(STATUS, health.status())
                .number(HEALTH_SCORE, health.healthScore())
                .stringList(REASONS, health.reasons())
                .number(OPEN_ALERTS, health.openAlerts())
                .time(LAST_SEEN, health.lastSeen())
                .number(LAST_SEQ, health.lastSeq())
                .numberMap(METRICS, health.metrics())
                .time(UPDATED_AT, health.updatedAt())
                .build())
        .build();
  }
}
