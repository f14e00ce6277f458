package io.smartbuilding.api.device;

import static io.restassured.RestAssured.given;
import static io.smartbuilding.api.testing.ExpectedProblems.invalidParameter;
import static io.smartbuilding.api.testing.ExpectedProblems.notFound;
import static io.smartbuilding.api.testing.StoredItems.building;
import static io.smartbuilding.api.testing.StoredItems.device;
import static io.smartbuilding.api.testing.TestTokens.AUTHORIZATION;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.smartbuilding.api.testing.DynaliteResource;
import io.smartbuilding.api.testing.TestTables;
import io.smartbuilding.api.testing.TestTokens;
import io.smartbuilding.contracts.health.DeviceStatus;
import io.smartbuilding.contracts.telemetry.DeviceType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The filters of a building's device list and the health fields each entry carries. */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
class DeviceListIT {

  private static final Instant T0 = Instant.parse("2025-03-01T08:15:30.123Z");
  private static final String PATH = "/api/v1/buildings/hq/devices";

  @Inject TestTables tables;

  @BeforeEach
  void seed() {
    tables.clear();
    tables.putBuildings(List.of(building("hq", List.of(0, 1), List.of("north", "south"), 5, T0)));
    tables.putDevices(
        List.of(
            device("ahu-01", "hq", 0, "north", DeviceType.AIR_HANDLER, DeviceStatus.OK, T0),
            device("ahu-02", "hq", 1, "south", DeviceType.AIR_HANDLER, DeviceStatus.FAULT, T0),
            device("ch-01", "hq", 0, "south", DeviceType.CHILLER, DeviceStatus.DEGRADED, T0),
            device("zs-01", "hq", 1, "north", DeviceType.ZONE_SENSOR, DeviceStatus.OFFLINE, T0),
            device("zs-02", "hq", 1, "north", DeviceType.ZONE_SENSOR, DeviceStatus.OK, T0),
            device("other", "elsewhere", 1, "north", DeviceType.CHILLER, DeviceStatus.OK, T0)));
  }

  @Test
  void listsHealthScoreReasonsAndOpenAlerts() {
    list()
        .when()
        .get(PATH)
        .then()
        .statusCode(200)
        .body("items.deviceId", contains("ahu-01", "ahu-02", "ch-01", "zs-01", "zs-02"))
        .body("items[0].healthScore", equalTo(100))
        .body("items[0].reasons", empty())
        .body("items[0].openAlerts", equalTo(0))
        .body("items[1].healthScore", equalTo(72))
        .body("items[1].reasons", contains("vibrationMmS rising: 6.1 mm/s, baseline 2.3 mm/s"))
        .body("items[1].openAlerts", equalTo(1))
        .body("nextCursor", nullValue());
  }

  @Test
  void filtersByFloor() {
    list()
        .queryParam("floor", 0)
        .when()
        .get(PATH)
        .then()
        .statusCode(200)
        .body("items.deviceId", contains("ahu-01", "ch-01"));
  }

  @Test
  void filtersByZone() {
    list()
        .queryParam("zone", "south")
        .when()
        .get(PATH)
        .then()
        .statusCode(200)
        .body("items.deviceId", contains("ahu-02", "ch-01"));
  }

  @Test
  void filtersByOneOrMoreTypes() {
    list()
        .queryParam("type", "ZONE_SENSOR")
        .when()
        .get(PATH)
        .then()
        .statusCode(200)
        .body("items.deviceId", contains("zs-01", "zs-02"));
    list()
        .queryParam("type", "CHILLER,ZONE_SENSOR")
        .when()
        .get(PATH)
        .then()
        .statusCode(200)
        .body("items.deviceId", contains("ch-01", "zs-01", "zs-02"));
  }

  @Test
  void filtersByOneOrMoreStatuses() {
    list()
        .queryParam("status", "OK")
        .when()
        .get(PATH)
        .then()
        .statusCode(200)
        .body("items.deviceId", contains("ahu-01", "zs-02"));
    list()
        .queryParam("status", "FAULT,OFFLINE")
        .when()
        .get(PATH)
        .then()
        .statusCode(200)
        .body("items.deviceId", contains("ahu-02", "zs-01"));
  }

  @Test
  void combinesFilters() {
    list()
        .queryParam("floor", 1)
        .queryParam("zone", "north")
        .queryParam("type", "ZONE_SENSOR")
        .queryParam("status", "OK")
        .when()
        .get(PATH)
        .then()
        .statusCode(200)
        .body("items.deviceId", contains("zs-02"));
  }

  @Test
  void answersAKnownBuildingWithoutMatchesWithAnEmptyPage() {
    list()
        .queryParam("floor", 7)
        .when()
        .get(PATH)
        .then()
        .statusCode(200)
        .body("items", empty())
        .body("nextCursor", nullValue());
  }

  @Test
  void answersAnUnknownBuildingWith404EvenWithFilters() {
    list()
        .queryParam("status", "OK")
        .when()
        .get("/api/v1/buildings/nowhere/devices")
        .then()
        .spec(notFound("no building 'nowhere'"));
  }

  @Test
  void refusesBadFilters() {
    list()
        .queryParam("floor", "first")
        .when()
        .get(PATH)
        .then()
        .spec(invalidParameter("floor"))
        .body("detail", containsString("'floor' must be a whole number"));
    list().queryParam("zone", "no rth").when().get(PATH).then().spec(invalidParameter("zone"));
    list()
        .queryParam("type", "TOASTER")
        .when()
        .get(PATH)
        .then()
        .spec(invalidParameter("type"))
        .body(
            "detail", containsString("AIR_HANDLER, CHILLER, ZONE_SENSOR, ENERGY_METER, ELEVATOR"));
    list()
        .queryParam("status", "ok")
        .when()
        .get(PATH)
        .then()
        .spec(invalidParameter("status"))
        .body("detail", containsString("OK, DEGRADED, FAULT, OFFLINE"));
  }

  private static RequestSpecification list() {
    return given().header(AUTHORIZATION, TestTokens.viewer("hq", "nowhere"));
  }
}
