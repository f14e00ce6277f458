package io.smartbuilding.api.operations;

import static io.restassured.RestAssured.given;
import static io.smartbuilding.api.testing.TestTokens.AUTHORIZATION;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smartbuilding.api.testing.TestTokens;
import io.smartbuilding.contracts.testing.LoopbackProcess;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DynamoDB refuses connections: every endpoint answers 503 problem+json, readiness is DOWN. */
@QuarkusTest
@TestProfile(DynamoDbOutageIT.NothingListening.class)
class DynamoDbOutageIT {

  /**
   * Points the client at a loopback port nobody listens on, without table creation at startup. A 1
   * s call timeout keeps the test short; whether the retries run out or the timeout ends them, the
   * client sees the same 503.
   */
  public static class NothingListening implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.dynamodb.endpoint-override", "http://127.0.0.1:" + LoopbackProcess.freePort(),
          "quarkus.dynamodb.api-call-timeout", "1S",
          "smartbuilding.tables.create-if-missing", "false");
    }
  }

  @Test
  void answersEveryEndpointWith503Problem() {
    for (String path :
        new String[] {
          "/api/v1/buildings",
          "/api/v1/buildings/hq-berlin/devices",
          "/api/v1/devices/ahu-01/health",
          "/api/v1/alerts",
          "/api/v1/alerts?status=open"
        }) {
      given()
          .header(AUTHORIZATION, TestTokens.manager())
          .when()
          .get(path)
          .then()
          .statusCode(503)
          .contentType("application/problem+json")
          .header("Retry-After", "5")
          .body("type", equalTo("urn:smartbuilding:problem:data-store-unavailable"))
          .body("status", equalTo(503))
          .body("detail", equalTo("DynamoDB cannot be reached; try again later"))
          .body(not(containsString("Exception")));
    }
  }

  @Test
  void reportsNotReady() {
    given()
        .header(AUTHORIZATION, TestTokens.manager())
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(503)
        .body("status", equalTo("DOWN"))
        .body(
            "checks.find { it.name == 'DynamoDB tables' }.data.smartbuilding-alerts",
            oneOf("SdkClientException", "ApiCallTimeoutException"));
  }
}
