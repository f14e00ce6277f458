package io.smartbuilding.analytics.alert;

import static io.smartbuilding.contracts.tables.AlertTable.ALERT_ID;
import static io.smartbuilding.contracts.tables.AlertTable.BUILDING_ID;
import static io.smartbuilding.contracts.tables.AlertTable.DEVICE_ID;
import static io.smartbuilding.contracts.tables.AlertTable.DEVICE_TYPE;
import static io.smartbuilding.contracts.tables.AlertTable.FLOOR;
import static io.smartbuilding.contracts.tables.AlertTable.LAST_SEEN_AT;
import static io.smartbuilding.contracts.tables.AlertTable.LIMIT;
import static io.smartbuilding.contracts.tables.AlertTable.MESSAGE;
import static io.smartbuilding.contracts.tables.AlertTable.OPENED_AT;
import static io.smartbuilding.contracts.tables.AlertTable.PEAK_VALUE;
import static io.smartbuilding.contracts.tables.AlertTable.RESOLVED_AT;
import static io.smartbuilding.contracts.tables.AlertTable.SEVERITY;
import static io.smartbuilding.contracts.tables.AlertTable.STATUS;
import static io.smartbuilding.contracts.tables.AlertTable.TYPE;
import static io.smartbuilding.contracts.tables.AlertTable.UPDATED_AT;
import static io.smartbuilding.contracts.tables.AlertTable.ZONE;

import io.smartbuilding.analytics.aws.ItemBuilder;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.dynamodb.sink.DynamoDbWriteRequest;
import org.apache.flink.connector.dynamodb.sink.DynamoDbWriteRequestType;

/** An {@link Alert} as a put of its alert item; the status is the lower-case wire value. */
public class AlertItemConverter implements ElementConverter<Alert, DynamoDbWriteRequest> {

  @Override
  public DynamoDbWriteRequest apply(Alert alert, SinkWriter.Context context) {
    return DynamoDbWriteRequest.builder()
        .setType(DynamoDbWriteRequestType.PUT)
        .setItem(
            new ItemBuilder()
                .string(ALERT_ID, alert.alertId())
                .string(DEVICE_ID, alert.deviceId())
                .string(BUILDING_ID, alert.buildingId())
                .number(FLOOR, alert.floor())
                .string(ZONE, alert.zone())
                .string(DEVICE_TYPE, alert.deviceType())
                .string(TYPE, alert.type())
                .string(SEVERITY, alert.severity())
                .string(STATUS, alert.status().wireValue())
                .string(MESSAGE, alert.message())
                .time(OPENED_AT, alert.openedAt())
                .time(LAST_SEEN_AT, alert.lastSeenAt())
                .time(RESOLVED_AT, alert.resolvedAt())
                .number(PEAK_VALUE, alert.peakValue())
                .number(LIMIT, alert.limit())
                .time(UPDATED_AT, alert.updatedAt())
                .build())
        .build();
  }
}
