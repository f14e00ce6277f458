package io.smartbuilding.api.alert;

import static io.restassured.RestAssured.given;
import static io.smartbuilding.api.testing.ExpectedProblems.invalidParameter;
import static io.smartbuilding.api.testing.StoredItems.alert;
import static io.smartbuilding.api.testing.TestTokens.AUTHORIZATION;
import static io.smartbuilding.contracts.alert.AlertStatus.ACKNOWLEDGED;
import static io.smartbuilding.contracts.alert.AlertStatus.OPEN;
import static io.smartbuilding.contracts.alert.AlertStatus.RESOLVED;
import static io.smartbuilding.contracts.alert.AlertType.OFFLINE;
import static io.smartbuilding.contracts.alert.AlertType.OVERHEAT;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smartbuilding.api.testing.DynaliteResource;
import io.smartbuilding.api.testing.TestTables;
import io.smartbuilding.api.testing.TestTokens;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@QuarkusTest
@WithTestResource(DynaliteResource.class)
class AlertResourceIT {

  private static final Instant T0 = Instant.parse("2025-03-01T08:00:00.250Z");

  @Inject TestTables tables;

  @BeforeEach
  void seedTwoBuildings() {
    tables.clear();
    tables.putAlerts(
        List.of(
            alert("ahu-01", "hq-berlin", OVERHEAT, OPEN, hours(3)),
            alert("ahu-02", "hq-berlin", OFFLINE, RESOLVED, hours(2)),
            alert("zs-01", "hq-berlin", OVERHEAT, ACKNOWLEDGED, hours(1)),
            alert("ch-01", "tower-b", OVERHEAT, OPEN, hours(4)),
            alert("ch-02", "tower-b", OFFLINE, RESOLVED, hours(0))));
  }

  @Test
  void listsABuildingsAlertsNewestFirstWithTheirFields() {
    given()
        .header(AUTHORIZATION, TestTokens.manager())
        .queryParam("buildingId", "hq-berlin")
        .when()
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("items.deviceId", contains("ahu-01", "ahu-02", "zs-01"))
        .body("items[0].alertId", equalTo("ahu-01#OVERHEAT#" + hours(3).toEpochMilli()))
        .body("items[0].buildingId", equalTo("hq-berlin"))
        .body("items[0].floor", equalTo(3))
        .body("items[0].zone", equalTo("north"))
        .body("items[0].deviceType", equalTo("AIR_HANDLER"))
        .body("items[0].type", equalTo("OVERHEAT"))
        .body("items[0].severity", equalTo("CRITICAL"))
        .body("items[0].status", equalTo("open"))
        .body("items[0].message", equalTo("temperatureC 31.2 above limit 28.0"))
        .body("items[0].openedAt", equalTo("2025-03-01T11:00:00.250Z"))
        .body("items[0].lastSeenAt", equalTo("2025-03-01T11:01:00.250Z"))
        .body("items[0].resolvedAt", nullValue())
        .body("items[0].peakValue", equalTo(31.2f))
        .body("items[0].limit", equalTo(28.0f))
        .body("items[0].updatedAt", equalTo("2025-03-01T11:01:01.250Z"))
        .body("items[1].resolvedAt", equalTo("2025-03-01T10:02:00.250Z"));
  }

  @Test
  void filtersABuildingsAlertsByStatus() {
    given()
        .header(AUTHORIZATION, TestTokens.manager())
        .queryParam("buildingId", "hq-berlin")
        .queryParam("status", "acknowledged")
        .when()
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("items.deviceId", contains("zs-01"));
  }

  @Test
  void listsOneStatusAcrossBuildingsNewestFirst() {
    given()
        .header(AUTHORIZATION, TestTokens.manager())
        .queryParam("status", "open")
        .when()
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("items.deviceId", contains("ch-01", "ahu-01"));
  }

  @Test
  void mergesEveryStatusNewestFirstWithoutFilters() {
    given()
        .header(AUTHORIZATION, TestTokens.manager())
        .when()
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("items.deviceId", contains("ch-01", "ahu-01", "ahu-02", "zs-01", "ch-02"));
  }

  @Test
  void returnsAtMostLimitNewestAlerts() {
    given()
        .header(AUTHORIZATION, TestTokens.manager())
        .queryParam("limit", 2)
        .when()
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("items.deviceId", contains("ch-01", "ahu-01"));
    given()
        .header(AUTHORIZATION, TestTokens.manager())
        .queryParam("buildingId", "hq-berlin")
        .queryParam("limit", 1)
        .when()
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("items.deviceId", contains("ahu-01"));
  }

  @Test
  void returnsFiftyAlertsByDefault() {
    tables.putAlerts(
        IntStream.range(0, 100)
            .mapToObj(i -> alert("d-" + i, "busy", OVERHEAT, RESOLVED, hours(10).plusSeconds(i)))
            .toList());

    given()
        .header(AUTHORIZATION, TestTokens.manager())
        .queryParam("buildingId", "busy")
        .when()
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("items", hasSize(50));
    given()
        .header(AUTHORIZATION, TestTokens.manager())
        .when()
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("items", hasSize(50))
        .body("items[0].deviceId", equalTo("d-99"))
        .body("items.deviceId", not(contains("ch-02")));
  }

  @Test
  void findsAnOldMatchBehindManyNewerAlertsTheFilterSkips() {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    items.add(alert("old-open", "busy", OVERHEAT, OPEN, hours(5)));
    for (int i = 0; i < 30; i++) {
      items.add(alert("r-" + i, "busy", OVERHEAT, RESOLVED, hours(6).plusSeconds(i)));
    }
    tables.putAlerts(items);

    given()
        .header(AUTHORIZATION, TestTokens.manager())
        .queryParam("buildingId", "busy")
        .queryParam("status", "open")
        .queryParam("limit", 1)
        .when()
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("items.deviceId", contains("old-open"));
  }

  @Test
  void ordersByTimeNotByTheStoredStringWhenFractionsDiffer() {
    // Instant.toString() would write "…:30Z" for a whole second, which sorts after "…:30.500Z" as
    // a string; the contract's fixed-width StoredTime keeps the index order equal to time order.
    Instant whole = Instant.parse("2025-03-02T08:15:30Z");
    tables.putAlerts(
        List.of(
            alert("whole", "sub-second", OVERHEAT, OPEN, whole),
            alert("later", "sub-second", OVERHEAT, OPEN, whole.plusMillis(500))));

    given()
        .header(AUTHORIZATION, TestTokens.manager())
        .queryParam("buildingId", "sub-second")
        .when()
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("items.deviceId", contains("later", "whole"));
  }

  @Test
  void refusesAnUnknownStatusNamingTheAllowedValues() {
    for (String bad : List.of("closed", "OPEN", "open;resolved")) {
      given()
          .header(AUTHORIZATION, TestTokens.manager())
          .queryParam("status", bad)
          .when()
          .get("/api/v1/alerts")
          .then()
          .spec(invalidParameter("status"))
          .body("detail", containsString("'status' must be one or more of open, acknowledged, resolved"));
    }
  }

  @Test
  void refusesALimitOutside1To200() {
    for (String bad : List.of("0", "201", "-1", "abc", "1.5")) {
      given()
          .header(AUTHORIZATION, TestTokens.manager())
          .queryParam("limit", bad)
          .when()
          .get("/api/v1/alerts")
          .then()
          .spec(invalidParameter("limit"))
          .body("detail", containsString("from 1 to 200"));
    }
    given()
        .header(AUTHORIZATION, TestTokens.manager())
        .queryParam("limit", "200")
        .when()
        .get("/api/v1/alerts")
        .then()
        .statusCode(200);
  }

  @Test
  void treatsEmptyParametersAsAbsent() {
    given()
        .header(AUTHORIZATION, TestTokens.manager())
        .queryParam("buildingId", "")
        .queryParam("status", "")
        .queryParam("limit", "")
        .when()
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("items", hasSize(5));
  }

  @Test
  void refusesAMalformedBuildingId() {
    given()
        .header(AUTHORIZATION, TestTokens.manager())
        .queryParam("buildingId", "hq berlin")
        .when()
        .get("/api/v1/alerts")
        .then()
        .spec(invalidParameter("buildingId"));
  }

  private static Instant hours(int h) {
    return T0.plus(Duration.ofHours(h));
  }
}
