package io.smartbuilding.analytics.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromL;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromM;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

import io.smartbuilding.analytics.Readings;
import io.smartbuilding.analytics.building.Building;
import io.smartbuilding.analytics.building.BuildingItemConverter;
import io.smartbuilding.analytics.health.DeviceHealth;
import io.smartbuilding.analytics.health.DeviceHealthItemConverter;
import io.smartbuilding.analytics.health.HealthAssessment;
import io.smartbuilding.contracts.health.DeviceStatus;
import io.smartbuilding.contracts.tables.BuildingTable;
import io.smartbuilding.contracts.tables.DeviceHealthTable;
import io.smartbuilding.contracts.telemetry.Telemetry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.connector.dynamodb.sink.DynamoDbWriteRequest;
import org.apache.flink.connector.dynamodb.sink.DynamoDbWriteRequestType;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The items match docs/contracts: attribute names from the contract's table classes. */
class ItemConvertersTest {

  private static final Instant NOW = Instant.parse("2026-11-25T09:00:00.250Z");
  private static final Telemetry READING =
      Readings.reading(
          "b1-f3-ahu-01",
          12,
          Instant.parse("2026-11-25T08:15:31Z"),
          Map.of("temperatureC", 71.5, "fanSpeedPct", 88.0, "energyKwh", 185532.25));

  @Test
  void deviceHealthItem() {
    DynamoDbWriteRequest put =
        new DeviceHealthItemConverter()
            .apply(
                DeviceHealth.of(
                    READING,
                    new HealthAssessment(DeviceStatus.FAULT, 50, List.of("Too hot."), 1),
                    NOW),
                null);

    assertThat(put.getType()).isEqualTo(DynamoDbWriteRequestType.PUT);
    assertThat(put.getItem())
        .containsExactlyInAnyOrderEntriesOf(
            Map.ofEntries(
                Map.entry(DeviceHealthTable.DEVICE_ID, fromS("b1-f3-ahu-01")),
                Map.entry(DeviceHealthTable.BUILDING_ID, fromS("b1")),
                Map.entry(DeviceHealthTable.FLOOR, fromN("3")),
                Map.entry(DeviceHealthTable.ZONE, fromS("f3-west")),
                Map.entry(DeviceHealthTable.DEVICE_TYPE, fromS("AIR_HANDLER")),
                Map.entry(DeviceHealthTable.STATUS, fromS("FAULT")),
                Map.entry(DeviceHealthTable.HEALTH_SCORE, fromN("50")),
                Map.entry(DeviceHealthTable.REASONS, fromL(List.of(fromS("Too hot.")))),
                Map.entry(DeviceHealthTable.OPEN_ALERTS, fromN("1")),
                Map.entry(DeviceHealthTable.LAST_SEEN, fromS("2026-11-25T08:15:31.000Z")),
                Map.entry(DeviceHealthTable.LAST_SEQ, fromN("12")),
                Map.entry(
                    DeviceHealthTable.METRICS,
                    fromM(
                        Map.of(
                            "temperatureC", fromN("71.5"),
                            "fanSpeedPct", fromN("88"),
                            "energyKwh", fromN("185532.25")))),
                Map.entry(DeviceHealthTable.UPDATED_AT, fromS("2026-11-25T09:00:00.250Z"))));
  }

  @Test
  void buildingItem() {
    Building building =
        new Building("b1", List.of(-1, 0, 2), List.of("f0-plant", "f2-east"), 3, NOW);

    Map<String, AttributeValue> item = new BuildingItemConverter().apply(building, null).getItem();

    assertThat(item)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                BuildingTable.BUILDING_ID, fromS("b1"),
                BuildingTable.FLOORS, fromL(List.of(fromN("-1"), fromN("0"), fromN("2"))),
                BuildingTable.ZONES, fromL(List.of(fromS("f0-plant"), fromS("f2-east"))),
                BuildingTable.DEVICE_COUNT, fromN("3"),
                BuildingTable.UPDATED_AT, fromS("2026-11-25T09:00:00.250Z")));
  }

  @Test
  void numbersArePlainDecimals() {
    Map<String, AttributeValue> item =
        new ItemBuilder().number("small", 0.00001).number("big", 1.5e12).build();

    assertThat(item)
        .containsEntry("small", fromN("0.00001"))
        .containsEntry("big", fromN("1500000000000"));
  }
}
