package io.smartbuilding.api.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smartbuilding.api.testing.DynaliteResource;
import org.junit.jupiter.api.Test;

/** What operators and client authors rely on: the OpenAPI document, health, metrics, 404s. */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
class OperationsIT {

  @Test
  void documentsTheFourEndpointsInOpenApi() {
    given()
        .queryParam("format", "json")
        .when()
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("paths", hasKey("/api/v1/buildings"))
        .body("paths", hasKey("/api/v1/buildings/{buildingId}/devices"))
        .body("paths", hasKey("/api/v1/devices/{deviceId}/health"))
        .body("paths", hasKey("/api/v1/alerts"))
        .body("paths.'/api/v1/alerts'.get.parameters.name", hasItem("status"))
        .body(
            "paths.'/api/v1/alerts'.get.responses.'400'.content",
            hasKey("application/problem+json"))
        .body("info.title", equalTo("Smart building query API"));
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
    given().when().get("/api/v1/buildings").then().statusCode(200);
    given()
        .when()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("http_server_requests_seconds_count"))
        .body(containsString("uri=\"/api/v1/buildings\""));
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
