package io.smartbuilding.api.alert;

import static io.restassured.RestAssured.given;
import static io.smartbuilding.api.testing.StoredItems.alert;
import static io.smartbuilding.api.testing.TestTokens.AUTHORIZATION;
import static io.smartbuilding.contracts.alert.AlertStatus.OPEN;
import static io.smartbuilding.contracts.alert.AlertType.OFFLINE;
import static io.smartbuilding.contracts.alert.AlertType.OVERHEAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smartbuilding.api.testing.DynaliteResource;
import io.smartbuilding.api.testing.TestTables;
import io.smartbuilding.api.testing.TestTokens;
import io.smartbuilding.contracts.tables.AlertTable;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The first-page cache with the real API and dynalite. A TTL far longer than any test, so what a
 * test sees depends on reads, writes and invalidation only, never on timing (the unit test checks
 * the expiry with a fake clock).
 */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
@TestProfile(AlertListCacheIT.CacheOn.class)
class AlertListCacheIT {

  public static class CacheOn implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "smartbuilding.alert-list-cache.enabled", "true",
          "smartbuilding.alert-list-cache.ttl", "10M");
    }
  }

  private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");
  private static final String FIRST = AlertTable.alertId("ahu-01", "OVERHEAT", T0.toEpochMilli());
  private static final String HQ_VIEWER = TestTokens.viewer("hq");

  @Inject TestTables tables;
  @Inject AlertListCache cache;
  @Inject MeterRegistry registry;

  @BeforeEach
  void seed() {
    tables.clear();
    cache.invalidate("hq");
    tables.putAlerts(List.of(alert("ahu-01", "hq", OVERHEAT, OPEN, T0)));
  }

  @Test
  void servesTheCachedFirstPageUntilAnActionOnTheBuildingDropsIt() {
    openAlertsOfHq(HQ_VIEWER).body("items.alertId", contains(FIRST));
    // Written behind the API's back (as analytics-job does): not seen within the TTL.
    Instant later = T0.plusSeconds(60);
    tables.putAlerts(List.of(alert("ahu-02", "hq", OFFLINE, OPEN, later)));
    openAlertsOfHq(HQ_VIEWER).body("items.alertId", contains(FIRST));

    given()
        .header(AUTHORIZATION, TestTokens.technician("hq"))
        .header("If-Match", "\"0\"")
        .contentType("application/json")
        .body("{}")
        .post("/api/v1/alerts/{id}/acknowledge", FIRST)
        .then()
        .statusCode(200);

    String second = AlertTable.alertId("ahu-02", "OFFLINE", later.toEpochMilli());
    openAlertsOfHq(HQ_VIEWER).body("items.alertId", contains(second));
  }

  @Test
  void concurrentIdenticalRequestsReadDynamoDbOnce() throws Exception {
    double readsBefore = misses();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<List<String>>> requests = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        requests.add(
            () -> openAlertsOfHq(HQ_VIEWER).extract().jsonPath().getList("items.alertId"));
      }
      for (Future<List<String>> answer : pool.invokeAll(requests, 60, TimeUnit.SECONDS)) {
        assertThat(answer.get()).containsExactly(FIRST);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(misses() - readsBefore).isEqualTo(1);
  }

  @Test
  void aCallerWithoutTheBuildingGets404NotTheCachedPage() {
    openAlertsOfHq(HQ_VIEWER).body("items.alertId", contains(FIRST));
    String towerViewer = TestTokens.viewer("tower");

    given()
        .header(AUTHORIZATION, towerViewer)
        .queryParam("buildingId", "hq")
        .queryParam("status", "open")
        .get("/api/v1/alerts")
        .then()
        .statusCode(404)
        .body(not(containsString(FIRST)));
    given()
        .header(AUTHORIZATION, towerViewer)
        .get("/api/v1/alerts/{id}", FIRST)
        .then()
        .statusCode(404);
    given().get("/api/v1/alerts?buildingId=hq&status=open").then().statusCode(401);
  }

  private io.restassured.response.ValidatableResponse openAlertsOfHq(String token) {
    return given()
        .header(AUTHORIZATION, token)
        .queryParam("buildingId", "hq")
        .queryParam("status", "open")
        .get("/api/v1/alerts")
        .then()
        .statusCode(200);
  }

  private double misses() {
    return registry
        .get("smartbuilding.api.alert.list.cache")
        .tag("result", "miss")
        .counter()
        .count();
  }
}
