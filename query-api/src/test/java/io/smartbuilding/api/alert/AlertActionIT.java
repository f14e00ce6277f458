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
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.smartbuilding.api.problem.ProblemException;
import io.smartbuilding.api.testing.DynaliteResource;
import io.smartbuilding.api.testing.ExpectedProblems;
import io.smartbuilding.api.testing.TestTables;
import io.smartbuilding.api.testing.TestTokens;
import io.smartbuilding.contracts.tables.AlertTable;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Acknowledge, assign, note and resolve: each conditioned on the version, each in the trail. */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
class AlertActionIT {

  private static final Instant T0 = Instant.parse("2025-03-01T08:00:00.250Z");
  private static final String OPEN_ALERT =
      AlertTable.alertId("ahu-01", "OVERHEAT", T0.toEpochMilli());
  private static final String ACKED_ALERT =
      AlertTable.alertId("ahu-02", "OVERHEAT", T0.toEpochMilli());
  private static final String RESOLVED_ALERT =
      AlertTable.alertId("ahu-03", "OFFLINE", T0.toEpochMilli());
  private static final String STORED_TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

  private static final String THEO = TestTokens.technician("hq-berlin");

  @Inject TestTables tables;
  @Inject AlertActions actions;
  @Inject DynamoDbClient dynamo;

  @BeforeEach
  void seed() {
    tables.clear();
    tables.putAlerts(
        List.of(
            alert("ahu-01", "hq-berlin", OVERHEAT, OPEN, T0),
            alert("ahu-02", "hq-berlin", OVERHEAT, ACKNOWLEDGED, T0),
            alert("ahu-03", "hq-berlin", OFFLINE, RESOLVED, T0)));
  }

  @Test
  void getsAnAlertWithItsVersionAsETagAndAnEmptyTrail() {
    given()
        .header(AUTHORIZATION, TestTokens.viewer("hq-berlin"))
        .get("/api/v1/alerts/{id}", OPEN_ALERT)
        .then()
        .statusCode(200)
        .header("ETag", startsWith("\"0-"))
        .body("alertId", equalTo(OPEN_ALERT))
        .body("status", equalTo("open"))
        .body("version", equalTo(0))
        .body("actions", empty())
        .body("acknowledgedBy", nullValue());
  }

  @Test
  void answers304WhenTheClientsCopyIsCurrent() {
    String etag = read(OPEN_ALERT).extract().header("ETag");
    assertThat(etag).matches("\"0-\\d+\"");
    given()
        .header(AUTHORIZATION, THEO)
        .header("If-None-Match", etag)
        .get("/api/v1/alerts/{id}", OPEN_ALERT)
        .then()
        .statusCode(304);
    // The ETag serves as If-Match as it is, and a bare version still does.
    act(THEO, "notes", etag, "{\"text\":\"a\"}", OPEN_ALERT).statusCode(200);
    act(THEO, "notes", "\"1\"", "{\"text\":\"b\"}", OPEN_ALERT).statusCode(200);
  }

  @Test
  void aChangeByAnalyticsChangesTheETag() {
    String etag = read(OPEN_ALERT).extract().header("ETag");
    // analytics-job's write: status and updatedAt, the version untouched.
    dynamo.updateItem(
        b ->
            b.tableName(AlertTable.DEFAULT_NAME)
                .key(Map.of(AlertTable.ALERT_ID, AttributeValue.fromS(OPEN_ALERT)))
                .updateExpression("SET #s = :resolved, #u = :now")
                .expressionAttributeNames(
                    Map.of("#s", AlertTable.STATUS, "#u", AlertTable.UPDATED_AT))
                .expressionAttributeValues(
                    Map.of(
                        ":resolved", AttributeValue.fromS("resolved"),
                        ":now", AttributeValue.fromS("2025-03-01T09:00:00.000Z"))));

    given()
        .header(AUTHORIZATION, THEO)
        .header("If-None-Match", etag)
        .get("/api/v1/alerts/{id}", OPEN_ALERT)
        .then()
        .statusCode(200)
        .header("ETag", not(equalTo(etag)))
        .header("ETag", startsWith("\"0-"))
        .body("status", equalTo("resolved"))
        .body("version", equalTo(0));
  }

  @Test
  void acknowledgeRecordsWhoAndWhenAndBumpsTheVersion() {
    act(THEO, "acknowledge", "\"0\"", "{}", OPEN_ALERT)
        .statusCode(200)
        .header("ETag", startsWith("\"1-"))
        .body("status", equalTo("acknowledged"))
        .body("acknowledgedBy", equalTo("theo.technician"))
        .body("acknowledgedAt", matchesPattern(STORED_TIME))
        .body("updatedAt", not(equalTo("2025-03-01T08:01:01.250Z")))
        .body("version", equalTo(1))
        .body("actions.action", contains("acknowledge"))
        .body("actions[0].by", equalTo("theo.technician"))
        .body("actions[0].detail", nullValue());
    // The analytics-job's attributes are untouched.
    read(OPEN_ALERT)
        .body("peakValue", equalTo(31.2f))
        .body("message", equalTo("temperatureC 31.2 above limit 28.0"))
        .body("version", equalTo(1));
  }

  @Test
  void assignTakesTheVersionFromTheBodyToo() {
    act(THEO, "assign", null, "{\"assignee\":\"maria.manager\",\"version\":0}", OPEN_ALERT)
        .statusCode(200)
        .header("ETag", startsWith("\"1-"))
        .body("assignee", equalTo("maria.manager"))
        .body("status", equalTo("open"))
        .body("actions[0].action", equalTo("assign"))
        .body("actions[0].detail", equalTo("maria.manager"));
  }

  @Test
  void notesGoIntoTheTrailInAnyStatus() {
    act(THEO, "notes", "\"0\"", "{\"text\":\"Checked remotely.\\nAll quiet.\"}", RESOLVED_ALERT)
        .statusCode(200)
        .body("status", equalTo("resolved"))
        .body("actions[0].action", equalTo("note"))
        .body("actions[0].detail", equalTo("Checked remotely.\nAll quiet."));
  }

  @Test
  void resolveSetsWhoAndWhenUnlessAlreadyResolved() {
    Instant before = Instant.now().minusSeconds(1);
    String resolvedAt =
        act(THEO, "resolve", "W/\"0\"", "{\"note\":\"Belt replaced.\"}", ACKED_ALERT)
            .statusCode(200)
            .body("status", equalTo("resolved"))
            .body("resolvedBy", equalTo("theo.technician"))
            .body("resolvedAt", matchesPattern(STORED_TIME))
            .extract()
            .path("resolvedAt");
    assertThat(Instant.parse(resolvedAt)).isAfter(before);
    // The first resolution wins (contract: if_not_exists): a note on the resolved alert, and the
    // API never overwrites a resolvedAt analytics-job wrote before.
    dynamo.updateItem(
        b ->
            b.tableName(AlertTable.DEFAULT_NAME)
                .key(Map.of(AlertTable.ALERT_ID, AttributeValue.fromS(OPEN_ALERT)))
                .updateExpression("SET #r = :t")
                .expressionAttributeNames(Map.of("#r", AlertTable.RESOLVED_AT))
                .expressionAttributeValues(
                    Map.of(":t", AttributeValue.fromS("2025-03-01T08:30:00.250Z"))));
    act(THEO, "resolve", "\"0\"", "", OPEN_ALERT)
        .statusCode(200)
        .body("resolvedAt", equalTo("2025-03-01T08:30:00.250Z"));
  }

  @Test
  void resolveRecordsTheNote() {
    act(THEO, "resolve", "W/\"0\"", "{\"note\":\"Belt replaced.\"}", ACKED_ALERT)
        .statusCode(200)
        .body("actions[0].action", equalTo("resolve"))
        .body("actions[0].detail", equalTo("Belt replaced."));
  }

  @Test
  void keepsTheWholeTrailInOrder() {
    String maria = TestTokens.manager("hq-berlin");
    act(THEO, "acknowledge", "\"0\"", "{}", OPEN_ALERT).statusCode(200);
    act(maria, "assign", "\"1\"", "{\"assignee\":\"theo.technician\"}", OPEN_ALERT).statusCode(200);
    act(THEO, "notes", "\"2\"", "{\"text\":\"On site.\"}", OPEN_ALERT).statusCode(200);
    act(THEO, "resolve", "\"3\"", "", OPEN_ALERT).statusCode(200);

    read(OPEN_ALERT)
        .header("ETag", startsWith("\"4-"))
        .body("status", equalTo("resolved"))
        .body("acknowledgedBy", equalTo("theo.technician"))
        .body("assignee", equalTo("theo.technician"))
        .body("resolvedBy", equalTo("theo.technician"))
        .body("actions.action", contains("acknowledge", "assign", "note", "resolve"))
        .body(
            "actions.by",
            contains("theo.technician", "maria.manager", "theo.technician", "theo.technician"))
        .body("actions.detail", contains(null, "theo.technician", "On site.", null));
  }

  @Test
  void aStaleVersionIsAConflictAndWritesNothing() {
    act(THEO, "acknowledge", "\"0\"", "{}", OPEN_ALERT).statusCode(200);
    act(THEO, "notes", "\"0\"", "{\"text\":\"late\"}", OPEN_ALERT)
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:smartbuilding:problem:conflict"))
        .body(
            "detail",
            equalTo(
                "the alert is at version 1, not 0: someone changed it meanwhile; reload it and"
                    + " retry"));
    read(OPEN_ALERT).body("version", equalTo(1)).body("actions", hasSize(1));
  }

  @Test
  void concurrentAcknowledgementsLetExactlyOneThrough() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> answers = new ArrayList<>();
      for (String who : List.of("alice", "bob")) {
        String token =
            TestTokens.bearer(who, io.smartbuilding.api.security.Role.TECHNICIAN, "hq-berlin");
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return given()
                      .header(AUTHORIZATION, token)
                      .header("If-Match", "\"0\"")
                      .contentType("application/json")
                      .body("{}")
                      .post("/api/v1/alerts/{id}/acknowledge", OPEN_ALERT)
                      .statusCode();
                }));
      }
      start.countDown();
      List<Integer> codes = new ArrayList<>();
      for (Future<Integer> answer : answers) {
        codes.add(answer.get(30, TimeUnit.SECONDS));
      }
      assertThat(codes).containsExactlyInAnyOrder(200, 409);
    } finally {
      pool.shutdownNow();
    }
    Response alert = given().header(AUTHORIZATION, THEO).get("/api/v1/alerts/{id}", OPEN_ALERT);
    assertThat(alert.jsonPath().getList("actions")).hasSize(1);
    assertThat(alert.jsonPath().getInt("version")).isEqualTo(1);
    assertThat(alert.jsonPath().getString("acknowledgedBy"))
        .isEqualTo(alert.jsonPath().getString("actions[0].by"))
        .isIn("alice", "bob");
  }

  @Test
  void theConditionalWriteItselfRefusesAStaleCopy() {
    // Both callers read version 0; the second write must fail in DynamoDB, not in a pre-check.
    Alert seen = actions.find(OPEN_ALERT).orElseThrow();
    actions.apply(seen, 0, AlertAction.Kind.ACKNOWLEDGE, "alice", null);

    assertThatThrownBy(() -> actions.apply(seen, 0, AlertAction.Kind.NOTE, "bob", "late"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(409);
              assertThat(e.problem().detail()).startsWith("the alert is at version 1, not 0");
            });
    assertThat(actions.find(OPEN_ALERT).orElseThrow().actions()).hasSize(1);
  }

  @Test
  void aResolutionByAnalyticsBetweenReadAndWriteIsAConflict() {
    // analytics-job resolves without touching the version: the status condition must catch it.
    Alert seen = actions.find(OPEN_ALERT).orElseThrow();
    dynamo.updateItem(
        b ->
            b.tableName(AlertTable.DEFAULT_NAME)
                .key(Map.of(AlertTable.ALERT_ID, AttributeValue.fromS(OPEN_ALERT)))
                .updateExpression("SET #s = :resolved")
                .expressionAttributeNames(Map.of("#s", AlertTable.STATUS))
                .expressionAttributeValues(Map.of(":resolved", AttributeValue.fromS("resolved"))));

    assertThatThrownBy(() -> actions.apply(seen, 0, AlertAction.Kind.ACKNOWLEDGE, "alice", null))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e ->
                assertThat(e.problem().detail())
                    .isEqualTo("cannot acknowledge an alert that is resolved (only open)"));
    assertThat(actions.find(OPEN_ALERT).orElseThrow().acknowledgedBy()).isNull();
  }

  @Test
  void refusesMistypedMalformedAndUnknownBodyFieldsNamingThem() {
    act(THEO, "assign", "\"0\"", "{\"assignee\":{\"name\":\"bob\"}}", OPEN_ALERT)
        .spec(invalidParameter("assignee"))
        .body("detail", equalTo("'assignee' must be a string"));
    act(THEO, "notes", null, "{\"text\":\"hi\",\"version\":\"three\"}", OPEN_ALERT)
        .spec(invalidParameter("version"))
        .body("detail", equalTo("'version' must be a whole number"));
    act(THEO, "assign", "\"0\"", "{\"assignee\":\"bob\",\"asignee\":\"eve\"}", OPEN_ALERT)
        .spec(invalidParameter("asignee"))
        .body("detail", startsWith("'asignee' is not a field of this request (fields: "))
        .body("detail", containsString("assignee"));
    act(THEO, "notes", "\"0\"", "{\"text\": \"unterminated", OPEN_ALERT)
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:smartbuilding:problem:invalid-body"))
        .body("detail", startsWith("the body is not valid JSON for this request"));
    // Nothing was written.
    read(OPEN_ALERT).body("version", equalTo(0)).body("actions", empty());
  }

  @Test
  void refusesInvalidTransitionsWithAClearMessage() {
    act(THEO, "acknowledge", "\"0\"", "{}", RESOLVED_ALERT)
        .statusCode(409)
        .body("type", equalTo("urn:smartbuilding:problem:conflict"))
        .body("detail", equalTo("cannot acknowledge an alert that is resolved (only open)"));
    act(THEO, "acknowledge", "\"0\"", "{}", ACKED_ALERT)
        .statusCode(409)
        .body("detail", equalTo("cannot acknowledge an alert that is acknowledged (only open)"));
    act(THEO, "resolve", "\"0\"", "{}", RESOLVED_ALERT)
        .statusCode(409)
        .body(
            "detail",
            equalTo("cannot resolve an alert that is resolved (only acknowledged or open)"));
    act(THEO, "assign", "\"0\"", "{\"assignee\":\"bob\"}", RESOLVED_ALERT)
        .statusCode(409)
        .body(
            "detail",
            equalTo("cannot assign an alert that is resolved (only acknowledged or open)"));
    read(RESOLVED_ALERT).body("version", equalTo(0)).body("actions", empty());
  }

  @Test
  void needsTheVersionTheCallerSaw() {
    act(THEO, "acknowledge", null, "{}", OPEN_ALERT)
        .statusCode(428)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:smartbuilding:problem:precondition-required"));
    act(THEO, "acknowledge", "\"0\"", "{\"version\":3}", OPEN_ALERT)
        .spec(invalidParameter("If-Match"));
    act(THEO, "acknowledge", "\"abc\"", "{}", OPEN_ALERT).spec(invalidParameter("If-Match"));
    read(OPEN_ALERT).body("version", equalTo(0));
  }

  @Test
  void validatesBodiesAndIds() {
    act(THEO, "assign", "\"0\"", "{}", OPEN_ALERT)
        .spec(invalidParameter("assignee"))
        .body("detail", equalTo("'assignee' is required"));
    act(THEO, "assign", "\"0\"", "{\"assignee\":\"" + "x".repeat(129) + "\"}", OPEN_ALERT)
        .spec(invalidParameter("assignee"))
        .body("detail", equalTo("'assignee' must be at most 128 characters (got 129)"));
    act(THEO, "notes", "\"0\"", "{\"text\":\"   \"}", OPEN_ALERT).spec(invalidParameter("text"));
    act(THEO, "notes", "\"0\"", "{\"text\":\"" + "y".repeat(1001) + "\"}", OPEN_ALERT)
        .spec(invalidParameter("text"));
    act(THEO, "notes", "\"0\"", "{\"text\":\"bell\\u0007\"}", OPEN_ALERT)
        .spec(invalidParameter("text"))
        .body("detail", equalTo("'text' must not contain control characters"));
    act(THEO, "notes", "\"0\"", "", OPEN_ALERT)
        .statusCode(400)
        .contentType("application/problem+json");
    act(THEO, "notes", "\"0\"", "{\"text\":", OPEN_ALERT)
        .statusCode(400)
        .contentType("application/problem+json");
    act(THEO, "acknowledge", "\"0\"", "{}", "not-an-alert-id").spec(invalidParameter("alertId"));
    act(THEO, "acknowledge", "\"0\"", "{}", "ahu-09#OVERHEAT#1")
        .spec(ExpectedProblems.notFound("no alert 'ahu-09#OVERHEAT#1'"));
    read(OPEN_ALERT).body("version", equalTo(0)).body("actions", empty());
  }

  @Test
  void documentsTheActionsAndTheirProblemsInOpenApi() {
    JsonPath openApi =
        given()
            .queryParam("format", "json")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(openApi.getString("components.securitySchemes.bearer.scheme")).isEqualTo("bearer");
    assertThat(openApi.getList("security")).isNotEmpty();
    for (String action : List.of("acknowledge", "assign", "notes", "resolve")) {
      String responses = "paths.'/api/v1/alerts/{alertId}/" + action + "'.post.responses";
      assertThat(openApi.getMap(responses).keySet())
          .as(action)
          .contains("200", "400", "401", "403", "404", "409", "428", "503");
      for (String code : List.of("401", "403", "409", "428")) {
        String ref = openApi.getString(responses + ".'" + code + "'.'$ref'");
        String name = ref.substring("#/components/responses/".length());
        assertThat(
                openApi.getString(
                    "components.responses."
                        + name
                        + ".content.'application/problem+json'.schema.'$ref'"))
            .as(action + " " + code)
            .isEqualTo("#/components/schemas/Problem");
      }
    }
    assertThat(openApi.getMap("paths.'/api/v1/alerts/{alertId}'.get.responses"))
        .containsKeys("200", "304", "401", "403", "404");
    // A token without a known role is a 403 on reads too: every /api/ operation documents it.
    Map<String, Map<String, Object>> paths = openApi.getMap("paths");
    paths.forEach(
        (path, operations) -> {
          if (path.startsWith("/api/")) {
            operations.forEach(
                (method, operation) ->
                    assertThat(openApi.getMap("paths.'" + path + "'." + method + ".responses"))
                        .as("%s %s", method, path)
                        .containsKeys("401", "403"));
          }
        });
    assertThat(openApi.getMap("components.schemas.Alert.properties"))
        .containsKeys("ruleId", "evidence", "acknowledgedBy", "assignee", "actions", "version");
    assertThat(
            openApi.getMap(
                "paths.'/api/v1/buildings/{buildingId}/alerts/stream'.get.responses.'200'.content"))
        .containsKey("text/event-stream");
  }

  private static ValidatableResponse act(
      String token, String action, String ifMatch, String body, String alertId) {
    RequestSpecification request =
        given().header(AUTHORIZATION, token).contentType("application/json");
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    if (!body.isEmpty()) {
      request.body(body);
    }
    return request.post("/api/v1/alerts/{id}/" + action, alertId).then();
  }

  private static ValidatableResponse read(String alertId) {
    return given()
        .header(AUTHORIZATION, TestTokens.manager())
        .get("/api/v1/alerts/{id}", alertId)
        .then()
        .statusCode(200);
  }
}
