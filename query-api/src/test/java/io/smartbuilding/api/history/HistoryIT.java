package io.smartbuilding.api.history;

import static io.restassured.RestAssured.given;
import static io.smartbuilding.api.testing.ExpectedProblems.invalidParameter;
import static io.smartbuilding.api.testing.ExpectedProblems.notFound;
import static io.smartbuilding.api.testing.StoredItems.building;
import static io.smartbuilding.api.testing.StoredItems.device;
import static io.smartbuilding.api.testing.StoredItems.historyBucket;
import static io.smartbuilding.api.testing.TestTokens.AUTHORIZATION;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.smartbuilding.api.testing.DynaliteResource;
import io.smartbuilding.api.testing.TestTables;
import io.smartbuilding.api.testing.TestTokens;
import io.smartbuilding.contracts.health.DeviceStatus;
import io.smartbuilding.contracts.tables.MetricHistoryTable;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Device, building, floor and zone history from the metric-history table. */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
class HistoryIT {

  private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");

  @Inject TestTables tables;

  @BeforeEach
  void seed() {
    tables.clear();
    tables.putBuildings(List.of(building("hq", List.of(0, 1), List.of("north"), 1, T0)));
    tables.putDevices(List.of(device("ahu-1", "hq", 1, "north", DeviceStatus.OK, T0)));
    // 30 one-minute buckets: minute i has min i, max i + 10, 6 readings summing to 6 * (i + 5).
    List<Map<String, AttributeValue>> minutes = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      minutes.add(
          historyBucket(
              MetricHistoryTable.deviceSeries("ahu-1", "temperatureC"),
              T0.plusSeconds(60L * i),
              i,
              i + 10,
              6.0 * (i + 5),
              6));
    }
    minutes.add(
        historyBucket(MetricHistoryTable.deviceSeries("ahu-1", "co2Ppm"), T0, 400, 500, 900, 2));
    tables.putHistory(minutes);
    tables.putHistory(
        List.of(
            historyBucket(
                MetricHistoryTable.buildingSeries("hq", "co2Ppm"), T0, 400, 800, 6000, 10),
            historyBucket(
                MetricHistoryTable.buildingSeries("hq", "co2Ppm"),
                T0.plusSeconds(300),
                500,
                900,
                7000,
                10),
            historyBucket(MetricHistoryTable.floorSeries("hq", 1, "co2Ppm"), T0, 410, 420, 830, 2),
            historyBucket(
                MetricHistoryTable.zoneSeries("hq", 1, "north", "co2Ppm"), T0, 411, 412, 823, 2)));
  }

  @Test
  void returnsADevicesMinutesAsStored() {
    history()
        .queryParam("metric", "temperatureC")
        .queryParam("from", "2025-03-01T08:10:00Z")
        .queryParam("to", "2025-03-01T08:13:00Z")
        .get("/api/v1/devices/ahu-1/history")
        .then()
        .statusCode(200)
        .body("metric", equalTo("temperatureC"))
        .body("resolution", equalTo("1m"))
        .body("from", equalTo("2025-03-01T08:10:00Z"))
        .body("to", equalTo("2025-03-01T08:13:00Z"))
        .body(
            "points.start",
            contains("2025-03-01T08:10:00Z", "2025-03-01T08:11:00Z", "2025-03-01T08:12:00Z"))
        .body("points[0].min", equalTo(10.0f))
        .body("points[0].max", equalTo(20.0f))
        .body("points[0].avg", equalTo(15.0f))
        .body("points[0].count", equalTo(6));
  }

  @Test
  void reaggregatesMinutesIntoCoarserBuckets() {
    history()
        .queryParam("metric", "temperatureC")
        .queryParam("from", "2025-03-01T08:07:00Z")
        .queryParam("to", "2025-03-01T09:00:00Z")
        .queryParam("resolution", "15m")
        .get("/api/v1/devices/ahu-1/history")
        .then()
        .statusCode(200)
        .body("from", equalTo("2025-03-01T08:00:00Z"))
        .body("points.start", contains("2025-03-01T08:00:00Z", "2025-03-01T08:15:00Z"))
        // 08:00-08:14: minutes 0..14, min 0, max 24, mean of (i + 5) = 12, 90 readings.
        .body("points[0].min", equalTo(0.0f))
        .body("points[0].max", equalTo(24.0f))
        .body("points[0].avg", equalTo(12.0f))
        .body("points[0].count", equalTo(90))
        .body("points[1].min", equalTo(15.0f))
        .body("points[1].max", equalTo(39.0f))
        .body("points[1].avg", equalTo(27.0f));
    history()
        .queryParam("metric", "temperatureC")
        .queryParam("from", "2025-03-01T08:00:00Z")
        .queryParam("to", "2025-03-01T10:00:00Z")
        .queryParam("resolution", "1h")
        .get("/api/v1/devices/ahu-1/history")
        .then()
        .statusCode(200)
        .body("points", hasSize(1))
        .body("points[0].count", equalTo(180))
        .body("points[0].avg", equalTo(19.5f));
  }

  @Test
  void readsOnlyTheAskedMetric() {
    history()
        .queryParam("metric", "co2Ppm")
        .queryParam("from", "2025-03-01T07:00:00Z")
        .queryParam("to", "2025-03-01T09:00:00Z")
        .get("/api/v1/devices/ahu-1/history")
        .then()
        .statusCode(200)
        .body("points", hasSize(1))
        .body("points[0].avg", equalTo(450.0f));
  }

  @Test
  void answersARangeWithoutDataWithNoPoints() {
    history()
        .queryParam("metric", "temperatureC")
        .queryParam("from", "2025-02-01T08:00:00Z")
        .queryParam("to", "2025-02-01T09:00:00Z")
        .get("/api/v1/devices/ahu-1/history")
        .then()
        .statusCode(200)
        .body("points", empty());
  }

  @Test
  void returnsBuildingFloorAndZoneHistory() {
    String path = "/api/v1/buildings/hq/history";
    history()
        .queryParam("metric", "co2Ppm")
        .queryParam("from", "2025-03-01T08:00:00Z")
        .queryParam("to", "2025-03-01T09:00:00Z")
        .get(path)
        .then()
        .statusCode(200)
        .body("resolution", equalTo("5m"))
        .body("points.start", contains("2025-03-01T08:00:00Z", "2025-03-01T08:05:00Z"))
        .body("points.avg", contains(600.0f, 700.0f));
    history()
        .queryParam("metric", "co2Ppm")
        .queryParam("from", "2025-03-01T08:00:00Z")
        .queryParam("to", "2025-03-01T09:00:00Z")
        .queryParam("resolution", "1h")
        .get(path)
        .then()
        .statusCode(200)
        .body("points", hasSize(1))
        .body("points[0].min", equalTo(400.0f))
        .body("points[0].max", equalTo(900.0f))
        .body("points[0].avg", equalTo(650.0f))
        .body("points[0].count", equalTo(20));
    history()
        .queryParam("metric", "co2Ppm")
        .queryParam("floor", 1)
        .queryParam("from", "2025-03-01T08:00:00Z")
        .queryParam("to", "2025-03-01T09:00:00Z")
        .get(path)
        .then()
        .statusCode(200)
        .body("points.avg", contains(415.0f));
    history()
        .queryParam("metric", "co2Ppm")
        .queryParam("floor", 1)
        .queryParam("zone", "north")
        .queryParam("from", "2025-03-01T08:00:00Z")
        .queryParam("to", "2025-03-01T09:00:00Z")
        .get(path)
        .then()
        .statusCode(200)
        .body("points.avg", contains(411.5f));
  }

  @Test
  void refusesBadParametersNamingThem() {
    String device = "/api/v1/devices/ahu-1/history";
    history()
        .get(device)
        .then()
        .spec(invalidParameter("metric"))
        .body("detail", containsString("'metric' is required"));
    history().queryParam("metric", "temp").get(device).then().spec(invalidParameter("metric"));
    history()
        .queryParam("metric", "temperatureC")
        .queryParam("resolution", "2h")
        .get(device)
        .then()
        .spec(invalidParameter("resolution"));
    history()
        .queryParam("metric", "temperatureC")
        .queryParam("from", "today")
        .get(device)
        .then()
        .spec(invalidParameter("from"));
    history()
        .queryParam("metric", "temperatureC")
        .queryParam("from", "2025-03-01T00:00:00Z")
        .queryParam("to", "2025-03-03T00:00:00Z")
        .get(device)
        .then()
        .spec(invalidParameter("from"))
        .body("detail", containsString("choose a coarser resolution or a shorter range"));
    String building = "/api/v1/buildings/hq/history";
    history()
        .queryParam("metric", "co2Ppm")
        .queryParam("resolution", "1m")
        .get(building)
        .then()
        .spec(invalidParameter("resolution"))
        .body("detail", containsString("5m, 15m, 1h"));
    history()
        .queryParam("metric", "co2Ppm")
        .queryParam("zone", "north")
        .get(building)
        .then()
        .spec(invalidParameter("zone"))
        .body("detail", containsString("'zone' needs 'floor'"));
    history()
        .queryParam("metric", "co2Ppm")
        .queryParam("floor", "top")
        .get(building)
        .then()
        .spec(invalidParameter("floor"));
  }

  @Test
  void answersUnknownOrOutOfScopeDevicesAndBuildingsWith404() {
    history()
        .queryParam("metric", "temperatureC")
        .get("/api/v1/devices/ghost/history")
        .then()
        .spec(notFound("no device 'ghost'"));
    history()
        .queryParam("metric", "co2Ppm")
        .get("/api/v1/buildings/nowhere/history")
        .then()
        .spec(notFound("no building 'nowhere'"));
    given()
        .header(AUTHORIZATION, TestTokens.viewer("elsewhere"))
        .queryParam("metric", "temperatureC")
        .get("/api/v1/devices/ahu-1/history")
        .then()
        .spec(notFound("no device 'ahu-1'"));
    given()
        .header(AUTHORIZATION, TestTokens.viewer("elsewhere"))
        .queryParam("metric", "co2Ppm")
        .get("/api/v1/buildings/hq/history")
        .then()
        .spec(notFound("no building 'hq'"));
  }

  private static RequestSpecification history() {
    return given().header(AUTHORIZATION, TestTokens.viewer("hq", "nowhere", "ghost")).when();
  }
}
