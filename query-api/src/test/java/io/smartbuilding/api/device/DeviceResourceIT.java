package io.smartbuilding.api.device;

import static io.restassured.RestAssured.given;
import static io.smartbuilding.api.testing.ExpectedProblems.invalidParameter;
import static io.smartbuilding.api.testing.ExpectedProblems.notFound;
import static io.smartbuilding.api.testing.StoredItems.device;
import static io.smartbuilding.api.testing.TestTokens.AUTHORIZATION;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smartbuilding.api.testing.DynaliteResource;
import io.smartbuilding.api.testing.StoredItems;
import io.smartbuilding.api.testing.TestTables;
import io.smartbuilding.api.testing.TestTokens;
import io.smartbuilding.contracts.health.DeviceStatus;
import io.smartbuilding.contracts.tables.DeviceHealthTable;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(DynaliteResource.class)
class DeviceResourceIT {

  private static final Instant T0 = Instant.parse("2025-03-01T08:15:30.123Z");

  @Inject TestTables tables;

  @BeforeEach
  void emptyTables() {
    tables.clear();
  }

  @Test
  void returnsTheFullHealthItem() {
    tables.putDevices(List.of(device("ahu-01", "hq-berlin", 3, "north", DeviceStatus.FAULT, T0)));

    given()
        .header(AUTHORIZATION, TestTokens.manager())
        .when()
        .get("/api/v1/devices/ahu-01/health")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("deviceId", equalTo("ahu-01"))
        .body("buildingId", equalTo("hq-berlin"))
        .body("floor", equalTo(3))
        .body("zone", equalTo("north"))
        .body("deviceType", equalTo("AIR_HANDLER"))
        .body("status", equalTo("FAULT"))
        .body("lastSeen", equalTo("2025-03-01T08:15:30.123Z"))
        .body("lastSeq", equalTo(1842))
        .body("metrics.temperatureC", equalTo(21.5f))
        .body("metrics.humidityPct", equalTo(40.25f))
        .body("updatedAt", equalTo("2025-03-01T08:15:30.373Z"));
  }

  @Test
  void returnsNullForAttributesAnOlderWriterDidNotStore() {
    Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> sparse =
        Map.of(
            DeviceHealthTable.DEVICE_ID, StoredItems.s("legacy-1"),
            DeviceHealthTable.BUILDING_ID, StoredItems.s("hq-berlin"),
            DeviceHealthTable.STATUS, StoredItems.s("OFFLINE"));
    tables.putDevices(List.of(sparse));

    given()
        .header(AUTHORIZATION, TestTokens.manager())
        .when()
        .get("/api/v1/devices/legacy-1/health")
        .then()
        .statusCode(200)
        .body("status", equalTo("OFFLINE"))
        .body("lastSeen", nullValue())
        .body("metrics.size()", equalTo(0));
  }

  @Test
  void answersAnUnknownDeviceWith404Problem() {
    given()
        .header(AUTHORIZATION, TestTokens.manager())
        .when()
        .get("/api/v1/devices/ghost-7/health")
        .then()
        .spec(notFound("no device 'ghost-7'"));
  }

  @Test
  void answersAMalformedDeviceIdWith400Problem() {
    given()
        .header(AUTHORIZATION, TestTokens.manager())
        .when()
        .get("/api/v1/devices/{id}/health", "a#b")
        .then()
        .spec(invalidParameter("deviceId"))
        .body(
            "detail",
            equalTo(
                "'deviceId' must be 1-64 characters of letters, digits and _.:-, starting with a"
                    + " letter or digit (got 'a#b')"));
  }
}
