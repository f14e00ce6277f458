package io.smartbuilding.api.pagination;

import static io.restassured.RestAssured.given;
import static io.smartbuilding.api.testing.ExpectedProblems.invalidParameter;
import static io.smartbuilding.api.testing.StoredItems.alert;
import static io.smartbuilding.api.testing.StoredItems.building;
import static io.smartbuilding.api.testing.StoredItems.device;
import static io.smartbuilding.api.testing.TestTokens.AUTHORIZATION;
import static io.smartbuilding.contracts.alert.AlertStatus.ACKNOWLEDGED;
import static io.smartbuilding.contracts.alert.AlertStatus.OPEN;
import static io.smartbuilding.contracts.alert.AlertStatus.RESOLVED;
import static io.smartbuilding.contracts.alert.AlertType.OVERHEAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smartbuilding.api.testing.DynaliteResource;
import io.smartbuilding.api.testing.Pages;
import io.smartbuilding.api.testing.TestTables;
import io.smartbuilding.api.testing.TestTokens;
import io.smartbuilding.contracts.alert.AlertStatus;
import io.smartbuilding.contracts.health.DeviceStatus;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Cursor pagination of every list: pages add up to the whole list, in order, once each. */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
class PaginationIT {

  private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");
  private static final String MANAGER = TestTokens.manager();

  @Inject TestTables tables;

  @BeforeEach
  void emptyTables() {
    tables.clear();
  }

  @Test
  void pagesBuildingsInIdOrder() {
    tables.putBuildings(
        IntStream.range(0, 7)
            .mapToObj(i -> building("b-" + (7 - i), List.of(0), List.of("z"), 1, T0))
            .toList());

    List<List<String>> pages = Pages.walk(MANAGER, "/api/v1/buildings", Map.of(), 3, "buildingId");

    assertThat(pages)
        .containsExactly(
            List.of("b-1", "b-2", "b-3"), List.of("b-4", "b-5", "b-6"), List.of("b-7"));
  }

  @Test
  void pagesOnlyTheBuildingsInTheCallersToken() {
    tables.putBuildings(
        IntStream.range(0, 6)
            .mapToObj(i -> building("b-" + i, List.of(0), List.of("z"), 1, T0))
            .toList());

    assertThat(
            Pages.flatten(
                Pages.walk(
                    TestTokens.viewer("b-1", "b-4", "b-5"),
                    "/api/v1/buildings",
                    Map.of(),
                    2,
                    "buildingId")))
        .containsExactly("b-1", "b-4", "b-5");
  }

  @Test
  void pagesABuildingsDevicesInIdOrder() {
    tables.putDevices(
        IntStream.range(0, 25)
            .mapToObj(i -> device("d-%02d".formatted(i), "site", 1, "z", DeviceStatus.OK, T0))
            .toList());

    List<List<String>> pages =
        Pages.walk(MANAGER, "/api/v1/buildings/site/devices", Map.of(), 10, "deviceId");

    assertThat(pages).hasSize(3);
    assertThat(Pages.flatten(pages))
        .containsExactlyElementsOf(
            IntStream.range(0, 25).mapToObj(i -> "d-%02d".formatted(i)).toList());
  }

  @Test
  void fillsAFilteredPageAcrossManyDynamoDbPages() {
    // 3 faulty devices among 300: a DynamoDB page of `limit` items mostly comes back empty after
    // the filter, and the API must keep reading until it has a full page or the index ends.
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      DeviceStatus status = i % 100 == 50 ? DeviceStatus.FAULT : DeviceStatus.OK;
      items.add(device("d-%03d".formatted(i), "site", 1, "z", status, T0));
    }
    tables.putDevices(items);

    given()
        .header(AUTHORIZATION, MANAGER)
        .queryParam("status", "FAULT")
        .queryParam("limit", 2)
        .when()
        .get("/api/v1/buildings/site/devices")
        .then()
        .statusCode(200)
        .body("items.deviceId", org.hamcrest.Matchers.contains("d-050", "d-150"))
        .body("nextCursor", notNullValue());
    assertThat(
            Pages.walk(
                MANAGER,
                "/api/v1/buildings/site/devices",
                Map.of("status", "FAULT"),
                2,
                "deviceId"))
        .containsExactly(List.of("d-050", "d-150"), List.of("d-250"));
  }

  @Test
  void pagesABuildingsAlertsNewestFirst() {
    tables.putAlerts(
        IntStream.range(0, 23)
            .mapToObj(i -> alert("d-%02d".formatted(i), "site", OVERHEAT, OPEN, minutes(i)))
            .toList());

    List<String> all =
        Pages.flatten(
            Pages.walk(MANAGER, "/api/v1/alerts", Map.of("buildingId", "site"), 5, "deviceId"));

    assertThat(all)
        .containsExactlyElementsOf(
            IntStream.range(0, 23).map(i -> 22 - i).mapToObj(i -> "d-%02d".formatted(i)).toList());
  }

  @Test
  void pagesTheMergeOfEveryStatusWithoutLosingOrRepeatingAnAlert() {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    AlertStatus[] statuses = {OPEN, RESOLVED, RESOLVED, ACKNOWLEDGED, RESOLVED};
    for (int i = 0; i < 40; i++) {
      String building = i % 2 == 0 ? "b-even" : "b-odd";
      items.add(alert("d-%02d".formatted(i), building, OVERHEAT, statuses[i % 5], minutes(i)));
      expected.add("d-%02d".formatted(i));
    }
    tables.putAlerts(items);
    expected.sort(Comparator.reverseOrder());

    for (int limit : List.of(1, 3, 7, 40, 200)) {
      assertThat(Pages.flatten(Pages.walk(MANAGER, "/api/v1/alerts", Map.of(), limit, "deviceId")))
          .as("limit %d", limit)
          .containsExactlyElementsOf(expected);
    }
    assertThat(
            Pages.flatten(
                Pages.walk(
                    MANAGER,
                    "/api/v1/alerts",
                    Map.of("status", "open,acknowledged"),
                    3,
                    "deviceId")))
        .containsExactlyElementsOf(
            expected.stream()
                .filter(d -> List.of(0, 3).contains(Integer.parseInt(d.substring(2)) % 5))
                .toList());
    // A viewer of one building pages through that building's alerts only, even unfiltered.
    assertThat(
            Pages.flatten(
                Pages.walk(TestTokens.viewer("b-odd"), "/api/v1/alerts", Map.of(), 4, "deviceId")))
        .containsExactlyElementsOf(
            expected.stream().filter(d -> Integer.parseInt(d.substring(2)) % 2 == 1).toList());
  }

  @Test
  void neverShowsAScopedCallerAnotherBuildingsAlertIdInItemsOrCursors() {
    // Many newer alerts of a foreign building above a few of the caller's own: a read across
    // buildings would end its calls inside the foreign ones and put one of their keys in the cursor.
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      items.add(alert("foreign-%02d".formatted(i), "theirs", OVERHEAT, OPEN, minutes(100 + i)));
    }
    for (int i = 0; i < 5; i++) {
      items.add(alert("own-%02d".formatted(i), "mine", OVERHEAT, OPEN, minutes(i)));
      items.add(alert("other-%02d".formatted(i), "also-mine", OVERHEAT, RESOLVED, minutes(50 + i)));
    }
    tables.putAlerts(items);
    String viewer = TestTokens.viewer("mine", "also-mine");

    for (Map<String, String> filters : List.of(Map.<String, String>of(), Map.of("status", "open"))) {
      List<String> seen = new ArrayList<>();
      String cursor = null;
      do {
        var request =
            given().header(AUTHORIZATION, viewer).queryParams(filters).queryParam("limit", 2);
        if (cursor != null) {
          request.queryParam("cursor", cursor);
        }
        var page = request.when().get("/api/v1/alerts").then().statusCode(200).extract();
        seen.addAll(page.jsonPath().getList("items.alertId", String.class));
        cursor = page.path("nextCursor");
        if (cursor != null) {
          String json =
              new String(
                  java.util.Base64.getUrlDecoder().decode(cursor.substring(0, cursor.indexOf('.'))),
                  java.nio.charset.StandardCharsets.UTF_8);
          assertThat(json).as("decoded cursor").doesNotContain("foreign").doesNotContain("theirs");
        }
        assertThat(seen.size()).as("alerts seen").isLessThan(100);
      } while (cursor != null);
      assertThat(seen).as("filters %s", filters).noneMatch(id -> id.startsWith("foreign"));
      assertThat(seen).hasSize(filters.isEmpty() ? 10 : 5);
    }
  }

  @Test
  void endsWithANullCursor() {
    tables.putAlerts(List.of(alert("d-1", "site", OVERHEAT, OPEN, T0)));

    given()
        .header(AUTHORIZATION, MANAGER)
        .queryParam("buildingId", "site")
        .when()
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("nextCursor", nullValue());
  }

  @Test
  void defaultsTo50ItemsAndAllowsAtMost200() {
    tables.putAlerts(
        IntStream.range(0, 60)
            .mapToObj(i -> alert("d-" + i, "busy", OVERHEAT, RESOLVED, minutes(i)))
            .toList());

    given()
        .header(AUTHORIZATION, MANAGER)
        .queryParam("buildingId", "busy")
        .when()
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("items", hasSize(50))
        .body("nextCursor", notNullValue());
    for (String path :
        List.of("/api/v1/alerts", "/api/v1/buildings", "/api/v1/buildings/x/devices")) {
      for (String bad : List.of("0", "201", "-1", "abc", "1.5")) {
        given()
            .header(AUTHORIZATION, MANAGER)
            .queryParam("limit", bad)
            .when()
            .get(path)
            .then()
            .spec(invalidParameter("limit"))
            .body("detail", containsString("from 1 to 200"));
      }
    }
  }

  @Test
  void refusesAForgedOrTruncatedCursorOnEveryList() {
    tables.putAlerts(
        IntStream.range(0, 3)
            .mapToObj(i -> alert("d-" + i, "site", OVERHEAT, OPEN, minutes(i)))
            .toList());
    String cursor =
        given()
            .header(AUTHORIZATION, MANAGER)
            .queryParam("buildingId", "site")
            .queryParam("limit", 1)
            .when()
            .get("/api/v1/alerts")
            .then()
            .statusCode(200)
            .extract()
            .path("nextCursor");
    assertThat(cursor).isNotNull();

    String truncated = cursor.substring(0, cursor.length() - 3);
    for (String path :
        List.of("/api/v1/alerts", "/api/v1/buildings", "/api/v1/buildings/x/devices")) {
      for (String bad : List.of(truncated, "not-a-cursor", "eyJxIjoiIn0.AAAA")) {
        given()
            .header(AUTHORIZATION, MANAGER)
            .queryParam("cursor", bad)
            .queryParam("buildingId", "site")
            .when()
            .get(path)
            .then()
            .spec(invalidParameter("cursor"))
            .body("detail", containsString("not a cursor this API issued"));
      }
    }
  }

  @Test
  void refusesACursorReusedWithOtherFilters() {
    tables.putAlerts(
        IntStream.range(0, 3)
            .mapToObj(i -> alert("d-" + i, "site", OVERHEAT, OPEN, minutes(i)))
            .toList());
    String cursor =
        given()
            .header(AUTHORIZATION, MANAGER)
            .queryParam("buildingId", "site")
            .queryParam("limit", 1)
            .when()
            .get("/api/v1/alerts")
            .then()
            .extract()
            .path("nextCursor");

    given()
        .header(AUTHORIZATION, MANAGER)
        .queryParam("buildingId", "site")
        .queryParam("status", "open")
        .queryParam("cursor", cursor)
        .when()
        .get("/api/v1/alerts")
        .then()
        .spec(invalidParameter("cursor"))
        .body("detail", containsString("other filters"));
    // The same filters with another page size are the same list.
    given()
        .header(AUTHORIZATION, MANAGER)
        .queryParam("buildingId", "site")
        .queryParam("limit", 5)
        .queryParam("cursor", cursor)
        .when()
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("items.deviceId", org.hamcrest.Matchers.contains("d-1", "d-0"));
    // A cursor of one list is no cursor of another.
    given()
        .header(AUTHORIZATION, MANAGER)
        .queryParam("cursor", cursor)
        .when()
        .get("/api/v1/buildings")
        .then()
        .spec(invalidParameter("cursor"));
  }

  private static Instant minutes(int m) {
    return T0.plusSeconds(60L * m);
  }
}
