package io.smartbuilding.api.security;

import static io.restassured.RestAssured.given;
import static io.smartbuilding.api.testing.StoredItems.alert;
import static io.smartbuilding.api.testing.StoredItems.building;
import static io.smartbuilding.api.testing.StoredItems.device;
import static io.smartbuilding.api.testing.TestTokens.AUTHORIZATION;
import static io.smartbuilding.contracts.alert.AlertStatus.OPEN;
import static io.smartbuilding.contracts.alert.AlertType.OVERHEAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.smartbuilding.api.testing.DynaliteResource;
import io.smartbuilding.api.testing.ExpectedProblems;
import io.smartbuilding.api.testing.TestTables;
import io.smartbuilding.api.testing.TestTokens;
import io.smartbuilding.contracts.health.DeviceStatus;
import io.smartbuilding.contracts.tables.AlertTable;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may call what: no, expired, forged or foreign tokens are 401 on every /api/ endpoint; a token
 * without a known role is 403, a viewer acting is 403; another building's data is a 404 that reads
 * exactly like a building that does not exist.
 */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
class AuthMatrixIT {

  private static final Instant OPENED = Instant.parse("2025-03-01T08:00:00.250Z");
  private static final String ALERT =
      AlertTable.alertId("ahu-01", "OVERHEAT", OPENED.toEpochMilli());
  private static final String TOWER_ALERT =
      AlertTable.alertId("ch-01", "OVERHEAT", OPENED.toEpochMilli());

  /** One request per /api/ endpoint, each valid for a manager of hq-berlin. */
  private static final Map<String, Function<RequestSpecification, io.restassured.response.Response>>
      ENDPOINTS =
          Map.of(
              "GET buildings", r -> r.get("/api/v1/buildings"),
              "GET devices", r -> r.get("/api/v1/buildings/hq-berlin/devices"),
              "GET health", r -> r.get("/api/v1/devices/ahu-01/health"),
              "GET alerts", r -> r.queryParam("buildingId", "hq-berlin").get("/api/v1/alerts"),
              "GET alert", r -> r.get("/api/v1/alerts/{id}", ALERT),
              "GET stream", r -> r.get("/api/v1/buildings/hq-berlin/alerts/stream"),
              "GET device history", r -> r.get("/api/v1/devices/ahu-01/history"),
              "GET building history", r -> r.get("/api/v1/buildings/hq-berlin/history"),
              "POST acknowledge",
                  r ->
                      r.header("If-Match", "\"0\"")
                          .contentType("application/json")
                          .body("{}")
                          .post("/api/v1/alerts/{id}/acknowledge", ALERT),
              "POST notes",
                  r ->
                      r.header("If-Match", "\"0\"")
                          .contentType("application/json")
                          .body("{\"text\":\"hello\"}")
                          .post("/api/v1/alerts/{id}/notes", ALERT));

  @Inject TestTables tables;

  @BeforeEach
  void seed() {
    tables.clear();
    tables.putBuildings(
        List.of(
            building("hq-berlin", List.of(3), List.of("north"), 1, OPENED),
            building("tower-b", List.of(1), List.of("south"), 1, OPENED)));
    tables.putDevices(
        List.of(
            device("ahu-01", "hq-berlin", 3, "north", DeviceStatus.OK, OPENED),
            device("ch-01", "tower-b", 1, "south", DeviceStatus.OK, OPENED)));
    tables.putAlerts(
        List.of(
            alert("ahu-01", "hq-berlin", OVERHEAT, OPEN, OPENED),
            alert("ch-01", "tower-b", OVERHEAT, OPEN, OPENED)));
  }

  @Test
  void everyEndpointAnswers401WithoutAToken() {
    ENDPOINTS.forEach(
        (name, call) ->
            call.apply(given())
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("type", equalTo("urn:smartbuilding:problem:unauthorized"))
                .body("status", equalTo(401))
                .body("detail", containsString("bearer token is required")));
  }

  @Test
  void everyEndpointAnswers401ForAnExpiredForgedOrForeignToken() {
    Map<String, String> bad =
        Map.of(
            "expired", TestTokens.expired(Role.MANAGER, "hq-berlin"),
            "forged", TestTokens.forged(Role.MANAGER, "hq-berlin"),
            "other issuer", TestTokens.otherIssuer(Role.MANAGER, "hq-berlin"),
            "garbage", "Bearer not.a.jwt");
    bad.forEach(
        (kind, token) ->
            ENDPOINTS.forEach(
                (name, call) ->
                    call.apply(given().header(AUTHORIZATION, token))
                        .then()
                        .statusCode(401)
                        .contentType("application/problem+json")
                        .header("WWW-Authenticate", startsWith("Bearer error=\"invalid_token\""))
                        .body("type", equalTo("urn:smartbuilding:problem:unauthorized"))
                        .body(
                            "detail",
                            equalTo(
                                kind.equals("expired")
                                    ? "the bearer token has expired; get a new one"
                                    : "the bearer token is not valid (signature, issuer or"
                                        + " format)"))));
  }

  @Test
  void everyEndpointAnswers401ForAnUnsignedConfusedOrEndlessToken() {
    Map<String, String> bad =
        Map.of(
            "alg none", TestTokens.unsigned(Role.MANAGER, "*"),
            "HS256 keyed with the public key", TestTokens.hmacWithPublicKey(Role.MANAGER, "*"),
            "no exp", TestTokens.withoutExpiry(Role.MANAGER, "*"));
    bad.forEach(
        (kind, token) ->
            ENDPOINTS.forEach(
                (name, call) ->
                    assertThat(call.apply(given().header(AUTHORIZATION, token)).statusCode())
                        .as("%s: %s", kind, name)
                        .isEqualTo(401)));
  }

  @Test
  void aTokenWithoutAKnownRoleIsForbiddenEverywhere() {
    String token = TestTokens.withoutRole("hq-berlin");
    ENDPOINTS.forEach(
        (name, call) ->
            call.apply(given().header(AUTHORIZATION, token))
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:smartbuilding:problem:forbidden")));
  }

  @Test
  void aViewerReadsButCannotAct() {
    String viewer = TestTokens.viewer("hq-berlin");
    given().header(AUTHORIZATION, viewer).get("/api/v1/alerts/{id}", ALERT).then().statusCode(200);
    for (String action : List.of("acknowledge", "assign", "notes", "resolve")) {
      given()
          .header(AUTHORIZATION, viewer)
          .header("If-Match", "\"0\"")
          .contentType("application/json")
          .body("{\"assignee\":\"x\",\"text\":\"x\"}")
          .post("/api/v1/alerts/{id}/" + action, ALERT)
          .then()
          .statusCode(403)
          .contentType("application/problem+json")
          .body("detail", equalTo("your role does not allow this request"));
    }
    // Nothing was written.
    given()
        .header(AUTHORIZATION, viewer)
        .get("/api/v1/alerts/{id}", ALERT)
        .then()
        .body("version", equalTo(0))
        .body("status", equalTo("open"));
  }

  @Test
  void anotherBuildingReadsExactlyLikeOneThatDoesNotExist() {
    String outsider = TestTokens.technician("tower-b");
    given()
        .header(AUTHORIZATION, outsider)
        .get("/api/v1/buildings/hq-berlin/devices")
        .then()
        .spec(ExpectedProblems.notFound("no building 'hq-berlin'"));
    given()
        .header(AUTHORIZATION, outsider)
        .get("/api/v1/buildings/nowhere/devices")
        .then()
        .spec(ExpectedProblems.notFound("no building 'nowhere'"));
    given()
        .header(AUTHORIZATION, outsider)
        .get("/api/v1/devices/ahu-01/health")
        .then()
        .spec(ExpectedProblems.notFound("no device 'ahu-01'"));
    given()
        .header(AUTHORIZATION, outsider)
        .get("/api/v1/alerts/{id}", ALERT)
        .then()
        .spec(ExpectedProblems.notFound("no alert '" + ALERT + "'"));
    given()
        .header(AUTHORIZATION, outsider)
        .header("If-Match", "\"0\"")
        .contentType("application/json")
        .body("{}")
        .post("/api/v1/alerts/{id}/acknowledge", ALERT)
        .then()
        .spec(ExpectedProblems.notFound("no alert '" + ALERT + "'"));
    given()
        .header(AUTHORIZATION, outsider)
        .get("/api/v1/buildings/hq-berlin/alerts/stream")
        .then()
        .spec(ExpectedProblems.notFound("no building 'hq-berlin'"));
    for (String action : List.of("assign", "notes", "resolve")) {
      given()
          .header(AUTHORIZATION, outsider)
          .header("If-Match", "\"0\"")
          .contentType("application/json")
          .body(
              action.equals("assign")
                  ? "{\"assignee\":\"x\"}"
                  : action.equals("notes") ? "{\"text\":\"x\"}" : "{}")
          .post("/api/v1/alerts/{id}/" + action, ALERT)
          .then()
          .spec(ExpectedProblems.notFound("no alert '" + ALERT + "'"));
    }
    given()
        .header(AUTHORIZATION, outsider)
        .queryParam("metric", "temperatureC")
        .get("/api/v1/devices/ahu-01/history")
        .then()
        .spec(ExpectedProblems.notFound("no device 'ahu-01'"));
    given()
        .header(AUTHORIZATION, outsider)
        .queryParam("metric", "temperatureC")
        .get("/api/v1/buildings/hq-berlin/history")
        .then()
        .spec(ExpectedProblems.notFound("no building 'hq-berlin'"));
    // The alert list filtered by a foreign building: 404 as the path resources.
    given()
        .header(AUTHORIZATION, outsider)
        .queryParam("buildingId", "hq-berlin")
        .get("/api/v1/alerts")
        .then()
        .spec(ExpectedProblems.notFound("no building 'hq-berlin'"));
    // By a foreign device: the same empty page as for a device that does not exist.
    for (String deviceId : List.of("ahu-01", "nothing-here")) {
      given()
          .header(AUTHORIZATION, outsider)
          .queryParam("deviceId", deviceId)
          .get("/api/v1/alerts")
          .then()
          .statusCode(200)
          .body("items", org.hamcrest.Matchers.empty())
          .body("nextCursor", nullValue());
    }
    // Unfiltered: only the token's buildings.
    given()
        .header(AUTHORIZATION, outsider)
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("items.alertId", org.hamcrest.Matchers.contains(TOWER_ALERT))
        .body(not(containsString("hq-berlin")));
    // The building list shows only the token's buildings.
    given()
        .header(AUTHORIZATION, outsider)
        .get("/api/v1/buildings")
        .then()
        .statusCode(200)
        .body(not(containsString("hq-berlin")))
        .body(containsString("tower-b"));
    // And the alert stayed untouched.
    given()
        .header(AUTHORIZATION, TestTokens.manager())
        .get("/api/v1/alerts/{id}", ALERT)
        .then()
        .body("version", equalTo(0));
  }

  @Test
  void aManagerWithTheAllBuildingsClaimSeesEveryBuilding() {
    String manager = TestTokens.manager();
    given().header(AUTHORIZATION, manager).get("/api/v1/alerts/{id}", ALERT).then().statusCode(200);
    given()
        .header(AUTHORIZATION, manager)
        .get("/api/v1/alerts/{id}", TOWER_ALERT)
        .then()
        .statusCode(200);
    given()
        .header(AUTHORIZATION, manager)
        .get("/api/v1/buildings")
        .then()
        .statusCode(200)
        .body(containsString("hq-berlin"))
        .body(containsString("tower-b"));
  }

  @Test
  void theAllBuildingsClaimCountsOnlyForManagers() {
    for (String token :
        List.of(
            TestTokens.technician("*"), TestTokens.viewer("*"), TestTokens.manager("tower-b"))) {
      given()
          .header(AUTHORIZATION, token)
          .get("/api/v1/alerts/{id}", ALERT)
          .then()
          .spec(ExpectedProblems.notFound("no alert '" + ALERT + "'"));
    }
  }

  @Test
  void readsBuildingsFromACognitoStyleStringAttribute() {
    // Cognito custom attributes are strings: "b1,b2" must work as well as a JSON array.
    String token =
        TestTokens.signed(
            Jwt.issuer(TestTokens.ISSUER)
                .subject("cora.cognito")
                .claim("cognito:groups", List.of("viewer"))
                .claim("custom:buildings", "tower-b, hq-berlin")
                .expiresIn(Duration.ofMinutes(5)));
    given().header(AUTHORIZATION, token).get("/api/v1/alerts/{id}", ALERT).then().statusCode(200);
    given()
        .header(AUTHORIZATION, token)
        .get("/api/v1/alerts/{id}", TOWER_ALERT)
        .then()
        .statusCode(200);
  }

  @Test
  void ignoresBuildingIdsNoBuildingCanHave() {
    String token =
        TestTokens.signed(
            Jwt.issuer(TestTokens.ISSUER)
                .subject("odd.claims")
                .claim("cognito:groups", List.of("viewer"))
                .claim("custom:buildings", List.of("", " ", "tower-b"))
                .expiresIn(Duration.ofMinutes(5)));
    given()
        .header(AUTHORIZATION, token)
        .get("/api/v1/buildings")
        .then()
        .statusCode(200)
        .body("items.buildingId", org.hamcrest.Matchers.contains("tower-b"));
    given()
        .header(AUTHORIZATION, token)
        .get("/api/v1/alerts")
        .then()
        .statusCode(200)
        .body("items.alertId", org.hamcrest.Matchers.contains(TOWER_ALERT));
  }

  @Test
  void sendsNoCorsHeadersUnlessConfigured() {
    given()
        .header("Origin", "https://ops.example.com")
        .header(AUTHORIZATION, TestTokens.manager())
        .get("/api/v1/buildings")
        .then()
        .header("Access-Control-Allow-Origin", nullValue());
  }

  @Test
  void operationsEndpointsStayOpen() {
    given().get("/q/health/ready").then().statusCode(200);
    given().queryParam("format", "json").get("/q/openapi").then().statusCode(200);
    given().get("/q/metrics").then().statusCode(200);
  }

  @Test
  void countsRefusalsByReasonInPrometheus() {
    given().get("/api/v1/buildings").then().statusCode(401);
    given()
        .header(AUTHORIZATION, TestTokens.forged(Role.VIEWER, "hq-berlin"))
        .get("/api/v1/buildings")
        .then()
        .statusCode(401);
    given()
        .header(AUTHORIZATION, TestTokens.viewer("tower-b"))
        .get("/api/v1/alerts/{id}", ALERT)
        .then()
        .statusCode(404);
    given()
        .get("/q/metrics")
        .then()
        .body(containsString("smartbuilding_api_auth_failures_total{reason=\"missing\"}"))
        .body(containsString("smartbuilding_api_auth_failures_total{reason=\"invalid\"}"))
        .body(containsString("smartbuilding_api_auth_failures_total{reason=\"out_of_scope\"}"));
  }
}
