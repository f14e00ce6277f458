package io.smartbuilding.api.operations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.smartbuilding.api.testing.DynaliteResource;
import io.smartbuilding.api.testing.TestTokens;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What operators and client authors rely on: the OpenAPI document, health, metrics, 404s. */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
class OperationsIT {

  private static final String RESPONSES = "#/components/responses/";

  @Test
  void documentsTheFourEndpointsInOpenApi() {
    openApiDocument()
        .body("paths", hasKey("/api/v1/buildings"))
        .body("paths", hasKey("/api/v1/buildings/{buildingId}/devices"))
        .body("paths", hasKey("/api/v1/devices/{deviceId}/health"))
        .body("paths", hasKey("/api/v1/alerts"))
        .body("paths.'/api/v1/alerts'.get.parameters.name", hasItem("status"))
        // Error responses are shared components: the alerts' 400 is problem+json through its ref.
        .body(
            "paths.'/api/v1/alerts'.get.responses.'400'.'$ref'",
            equalTo("#/components/responses/InvalidParameter"))
        .body("components.responses.InvalidParameter.content", hasKey("application/problem+json"))
        .body("info.title", equalTo("Smart building query API"));
  }

  @Test
  void documentsEveryErrorResponseAsAProblem() {
    JsonPath openApi = openApiDocument().extract().jsonPath();
    Map<String, Set<String>> errorsByPath =
        Map.of(
            "/api/v1/buildings", Set.of("400", "503"),
            "/api/v1/buildings/{buildingId}/devices", Set.of("400", "404", "503"),
            "/api/v1/devices/{deviceId}/health", Set.of("400", "404", "503"),
            "/api/v1/alerts", Set.of("400", "404", "503"),
            "/api/v1/devices/{deviceId}/history", Set.of("400", "404", "503"),
            "/api/v1/buildings/{buildingId}/history", Set.of("400", "404", "503"));

    errorsByPath.forEach(
        (path, documented) -> {
          // Every /api/ operation also answers 401 and 403 (documented by SecurityOpenApiFilter).
          Set<String> errors = new HashSet<>(documented);
          errors.add("401");
          errors.add("403");
          String responses = "paths.'" + path + "'.get.responses";
          assertThat(openApi.<String, Object>getMap(responses).keySet())
              .as(path)
              .filteredOn(code -> !code.startsWith("2"))
              .containsExactlyInAnyOrderElementsOf(errors);
          for (String code : errors) {
            String ref = openApi.getString(responses + ".'" + code + "'.'$ref'");
            assertThat(ref).as(path + " " + code).startsWith(RESPONSES);
            String response = "components.responses." + ref.substring(RESPONSES.length());
            assertThat(
                    openApi.getString(
                        response + ".content.'application/problem+json'.schema.'$ref'"))
                .as(path + " " + code + " -> " + ref)
                .isEqualTo("#/components/schemas/Problem");
          }
        });
    // Descriptions beside a ref (see ProblemResponses) must survive the rendering.
    assertThat(
            openApi.getString(
                "paths.'/api/v1/devices/{deviceId}/health'.get.responses.'404'.description"))
        .isEqualTo("No such device");
    assertThat(
            openApi.getString(
                "paths.'/api/v1/buildings/{buildingId}/devices'.get.responses.'400'.description"))
        .isEqualTo("buildingId, a filter, limit or cursor is invalid");
    assertThat(openApi.getMap("components.schemas.Problem.properties"))
        .containsKeys("type", "title", "status", "detail", "parameter");
    assertThat(
            openApi.getMap(
                "components.responses.InvalidParameter.content.'application/problem+json'.examples"))
        .containsKey("unknown status");
    assertThat(openApi.getString("components.responses.DataStoreUnavailable.headers.'Retry-After'"))
        .isNotNull();
  }

  private static ValidatableResponse openApiDocument() {
    return given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200);
  }

  @Test
  void isReadyWhenDynamoDbAnswers() {
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem("DynamoDB tables"))
        .body(
            "checks.find { it.name == 'DynamoDB tables' }.data.smartbuilding-alerts",
            equalTo("ACTIVE"));
  }

  @Test
  void exposesPrometheusMetrics() {
    given()
        .header(TestTokens.AUTHORIZATION, TestTokens.manager())
        .when()
        .get("/api/v1/buildings")
        .then()
        .statusCode(200);
    given()
        .when()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("http_server_requests_seconds_count"))
        .body(containsString("uri=\"/api/v1/buildings\""))
        // Fixed buckets, so that dashboards can take p50/p99 over all replicas.
        .body(containsString("http_server_requests_seconds_bucket{"))
        .body(containsString("le=\"0.1\""));
  }

  @Test
  void answersAnUnknownApiPathWithAProblem() {
    given()
        .when()
        .get("/api/v1/nothing-here")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404));
  }
}
