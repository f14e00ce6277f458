package io.smartbuilding.api.alert;

import static io.restassured.RestAssured.given;
import static io.smartbuilding.api.testing.ExpectedProblems.invalidParameter;
import static io.smartbuilding.api.testing.StoredItems.alert;
import static io.smartbuilding.api.testing.StoredItems.device;
import static io.smartbuilding.api.testing.TestTokens.AUTHORIZATION;
import static io.smartbuilding.contracts.alert.AlertStatus.ACKNOWLEDGED;
import static io.smartbuilding.contracts.alert.AlertStatus.OPEN;
import static io.smartbuilding.contracts.alert.AlertStatus.RESOLVED;
import static io.smartbuilding.contracts.alert.AlertType.BATTERY_LOW;
import static io.smartbuilding.contracts.alert.AlertType.OFFLINE;
import static io.smartbuilding.contracts.alert.AlertType.OVERHEAT;
import static io.smartbuilding.contracts.alert.Severity.CRITICAL;
import static io.smartbuilding.contracts.alert.Severity.INFO;
import static io.smartbuilding.contracts.alert.Severity.WARNING;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.smartbuilding.api.testing.DynaliteResource;
import io.smartbuilding.api.testing.TestTables;
import io.smartbuilding.api.testing.TestTokens;
import io.smartbuilding.contracts.health.DeviceStatus;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each filter of GET /api/v1/alerts, alone and combined, with and without a building. */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
class AlertListIT {

  private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");

  @Inject TestTables tables;

  @BeforeEach
  void seed() {
    tables.clear();
    tables.putDevices(
        List.of(
            device("ahu-1", "hq", 0, "north", DeviceStatus.OK, T0),
            device("ch-9", "tower", 0, "north", DeviceStatus.OK, T0)));
    tables.putAlerts(
        List.of(
            alert("ahu-1", "hq", OVERHEAT, OPEN, CRITICAL, hour(1)),
            alert("ahu-1", "hq", OFFLINE, RESOLVED, WARNING, hour(2)),
            alert("zs-2", "hq", BATTERY_LOW, ACKNOWLEDGED, INFO, hour(3)),
            alert("zs-2", "hq", OVERHEAT, OPEN, WARNING, hour(4)),
            alert("ch-9", "tower", OVERHEAT, OPEN, CRITICAL, hour(5)),
            alert("ch-9", "tower", OFFLINE, RESOLVED, CRITICAL, hour(6))));
  }

  @Test
  void filtersByDeviceWithinABuilding() {
    list()
        .queryParam("buildingId", "hq")
        .queryParam("deviceId", "ahu-1")
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("items.openedAt", contains(iso(2), iso(1)));
  }

  @Test
  void filtersByDeviceAloneThroughTheDevicesBuilding() {
    list()
        .queryParam("deviceId", "ch-9")
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("items.openedAt", contains(iso(6), iso(5)));
    // No health item, so no building to look in: an empty page, not an error.
    list()
        .queryParam("deviceId", "ghost")
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("items", empty());
  }

  @Test
  void hidesADevicesAlertsOutsideTheCallersBuildings() {
    given()
        .header(AUTHORIZATION, TestTokens.viewer("hq"))
        .queryParam("deviceId", "ch-9")
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("items", empty());
  }

  @Test
  void filtersByAListOfStatuses() {
    list()
        .queryParam("status", "open,acknowledged")
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("items.openedAt", contains(iso(5), iso(4), iso(3), iso(1)));
    list()
        .queryParam("buildingId", "hq")
        .queryParam("status", "resolved,acknowledged")
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("items.openedAt", contains(iso(3), iso(2)));
  }

  @Test
  void filtersBySeverity() {
    list()
        .queryParam("severity", "CRITICAL")
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("items.openedAt", contains(iso(6), iso(5), iso(1)));
    list()
        .queryParam("buildingId", "hq")
        .queryParam("severity", "INFO,WARNING")
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("items.openedAt", contains(iso(4), iso(3), iso(2)));
  }

  @Test
  void filtersByType() {
    list()
        .queryParam("type", "OFFLINE")
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("items.openedAt", contains(iso(6), iso(2)));
    list()
        .queryParam("buildingId", "hq")
        .queryParam("type", "BATTERY_LOW,OFFLINE")
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("items.openedAt", contains(iso(3), iso(2)));
  }

  @Test
  void filtersByOpenedAtFromInclusiveToExclusive() {
    list()
        .queryParam("from", iso(2))
        .queryParam("to", iso(5))
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("items.openedAt", contains(iso(4), iso(3), iso(2)));
    list()
        .queryParam("buildingId", "hq")
        .queryParam("from", iso(3))
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("items.openedAt", contains(iso(4), iso(3)));
    list()
        .queryParam("buildingId", "hq")
        .queryParam("to", "2025-03-01T02:00:00+00:00")
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("items.openedAt", contains(iso(1)));
  }

  @Test
  void combinesEveryFilter() {
    list()
        .queryParam("buildingId", "hq")
        .queryParam("deviceId", "zs-2")
        .queryParam("status", "open")
        .queryParam("severity", "WARNING")
        .queryParam("type", "OVERHEAT")
        .queryParam("from", iso(0))
        .queryParam("to", iso(6))
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("items.openedAt", contains(iso(4)));
  }

  @Test
  void refusesEveryBadParameterNamingIt() {
    String[][] cases = {
      {"buildingId", "hq berlin", "'buildingId' must be 1-64 characters"},
      {"deviceId", "a#b", "'deviceId' must be 1-64 characters"},
      {"status", "closed", "'status' must be one or more of open, acknowledged, resolved"},
      {"severity", "LOW", "'severity' must be one or more of INFO, WARNING, CRITICAL"},
      {"type", "FIRE", "'type' must be one or more of OVERHEAT, OFFLINE"},
      {"from", "yesterday", "'from' must be an ISO-8601 date-time"},
      {"to", "1740787200", "'to' must be an ISO-8601 date-time"},
    };
    for (String[] c : cases) {
      list()
          .queryParam(c[0], c[1])
          .get("/api/v1/alerts")
          .then()
          .spec(invalidParameter(c[0]))
          .body("detail", containsString(c[2]));
    }
    list()
        .queryParam("from", iso(3))
        .queryParam("to", iso(3))
        .get("/api/v1/alerts")
        .then()
        .spec(invalidParameter("to"))
        .body("detail", containsString("'to' must be after 'from'"));
  }

  private static RequestSpecification list() {
    return given().header(AUTHORIZATION, TestTokens.manager()).when();
  }

  private static Instant hour(int h) {
    return T0.plusSeconds(3600L * h);
  }

  private static String iso(int h) {
    return hour(h).toString();
  }
}
