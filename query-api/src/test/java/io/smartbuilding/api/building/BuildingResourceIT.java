package io.smartbuilding.api.building;

import static io.restassured.RestAssured.given;
import static io.smartbuilding.api.testing.ExpectedProblems.invalidParameter;
import static io.smartbuilding.api.testing.ExpectedProblems.notFound;
import static io.smartbuilding.api.testing.StoredItems.building;
import static io.smartbuilding.api.testing.StoredItems.device;
import static io.smartbuilding.api.testing.StoredItems.padded;
import static io.smartbuilding.api.testing.TestTokens.AUTHORIZATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smartbuilding.api.testing.DynaliteResource;
import io.smartbuilding.api.testing.TestTables;
import io.smartbuilding.api.testing.TestTokens;
import io.smartbuilding.contracts.health.DeviceStatus;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(DynaliteResource.class)
class BuildingResourceIT {

  private static final Instant T0 = Instant.parse("2025-03-01T08:15:30.123Z");

  @Inject TestTables tables;

  @BeforeEach
  void emptyTables() {
    tables.clear();
  }

  @Test
  void listsBuildingsSortedByIdWithTheirFields() {
    tables.putBuildings(
        List.of(
            building("tower-b", List.of(0, 1), List.of("east"), 2, T0),
            building("hq-berlin", List.of(0, 1, 2), List.of("north", "south"), 42, T0)));

    given()
        .header(AUTHORIZATION, TestTokens.manager())
        .when()
        .get("/api/v1/buildings")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("items.buildingId", contains("hq-berlin", "tower-b"))
        .body("items[0].floors", contains(0, 1, 2))
        .body("items[0].zones", contains("north", "south"))
        .body("items[0].deviceCount", equalTo(42))
        .body("items[0].updatedAt", equalTo("2025-03-01T08:15:30.123Z"));
  }

  @Test
  void listsNoBuildingsAsAnEmptyArray() {
    given()
        .header(AUTHORIZATION, TestTokens.manager())
        .when()
        .get("/api/v1/buildings")
        .then()
        .statusCode(200)
        .body("items", empty());
  }

  @Test
  void listsEveryBuildingWhenTheScanTakesSeveralPages() {
    tables.putBuildings(
        IntStream.range(0, 120)
            .mapToObj(i -> padded(building("b-%03d".formatted(i), List.of(0), List.of("z"), 1, T0)))
            .toList());
    assertThat(tables.buildingScanIsPaged()).as("precondition: the scan is paginated").isTrue();

    given()
        .header(AUTHORIZATION, TestTokens.manager())
        .queryParam("limit", 200)
        .when()
        .get("/api/v1/buildings")
        .then()
        .statusCode(200)
        .body("items", hasSize(120))
        .body("nextCursor", org.hamcrest.Matchers.nullValue());
  }

  @Test
  void listsABuildingsDevicesSortedById() {
    tables.putDevices(
        List.of(
            device("zs-02", "hq-berlin", 1, "south", DeviceStatus.DEGRADED, T0),
            device("ahu-01", "hq-berlin", 3, "north", DeviceStatus.OK, T0),
            device("ahu-99", "tower-b", 0, "east", DeviceStatus.OK, T0)));
    tables.putBuildings(
        List.of(building("hq-berlin", List.of(1, 3), List.of("north", "south"), 2, T0)));

    given()
        .header(AUTHORIZATION, TestTokens.manager())
        .when()
        .get("/api/v1/buildings/hq-berlin/devices")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("items.deviceId", contains("ahu-01", "zs-02"))
        .body("items[0].buildingId", equalTo("hq-berlin"))
        .body("items[0].floor", equalTo(3))
        .body("items[0].zone", equalTo("north"))
        .body("items[0].deviceType", equalTo("AIR_HANDLER"))
        .body("items[0].status", equalTo("OK"))
        .body("items[0].lastSeen", equalTo("2025-03-01T08:15:30.123Z"))
        .body("items[1].status", equalTo("DEGRADED"));
  }

  @Test
  void listsDevicesOfABuildingWhoseEntryIsNotWrittenYet() {
    tables.putDevices(List.of(device("ahu-01", "new-site", 0, "lobby", DeviceStatus.OK, T0)));

    given()
        .header(AUTHORIZATION, TestTokens.manager())
        .when()
        .get("/api/v1/buildings/new-site/devices")
        .then()
        .statusCode(200)
        .body("items.deviceId", contains("ahu-01"));
  }

  @Test
  void listsNoDevicesOfAKnownBuildingWithoutDevices() {
    tables.putBuildings(List.of(building("empty-site", List.of(), List.of(), 0, T0)));

    given()
        .header(AUTHORIZATION, TestTokens.manager())
        .when()
        .get("/api/v1/buildings/empty-site/devices")
        .then()
        .statusCode(200)
        .body("items", empty());
  }

  @Test
  void listsEveryDeviceWhenTheIndexQueryTakesSeveralPages() {
    tables.putDevices(
        IntStream.range(0, 120)
            .mapToObj(
                i -> padded(device("d-%03d".formatted(i), "big-site", 1, "z", DeviceStatus.OK, T0)))
            .toList());
    assertThat(tables.deviceQueryIsPaged("big-site"))
        .as("precondition: the query is paginated")
        .isTrue();

    given()
        .header(AUTHORIZATION, TestTokens.manager())
        .queryParam("limit", 200)
        .when()
        .get("/api/v1/buildings/big-site/devices")
        .then()
        .statusCode(200)
        .body("items", hasSize(120))
        .body("items[119].deviceId", equalTo("d-119"));
  }

  @Test
  void answersAnUnknownBuildingWith404Problem() {
    given()
        .header(AUTHORIZATION, TestTokens.manager())
        .when()
        .get("/api/v1/buildings/nowhere/devices")
        .then()
        .spec(notFound("no building 'nowhere'"));
  }

  @Test
  void answersAMalformedBuildingIdWith400Problem() {
    for (String bad : List.of("bad id", "x".repeat(65), "-leading-dash", "semi;colon")) {
      given()
          .header(AUTHORIZATION, TestTokens.manager())
          .when()
          .get("/api/v1/buildings/{id}/devices", bad)
          .then()
          .spec(invalidParameter("buildingId"));
    }
  }
}
