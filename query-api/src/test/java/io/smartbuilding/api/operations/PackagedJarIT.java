package io.smartbuilding.api.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.smartbuilding.api.security.Role;
import io.smartbuilding.api.testing.DynaliteResource;
import io.smartbuilding.api.testing.LocalIssuerKeys;
import org.junit.jupiter.api.Test;

/**
 * The fast-jar as the local stack runs it (java -Dquarkus.profile=local ... -jar quarkus-run.jar,
 * see quarkus.test.integration-test-profile): it creates its tables, becomes ready and serves.
 */
@QuarkusIntegrationTest
@WithTestResource(DynaliteResource.class)
@WithTestResource(LocalIssuerKeys.class)
class PackagedJarIT {

  @Test
  void startsWithTheLocalProfileAndServes() {
    given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    String token = LocalIssuerKeys.bearer(Role.VIEWER, "hq-berlin");
    given().when().get("/api/v1/buildings").then().statusCode(401);
    given()
        .header("Authorization", token)
        .when()
        .get("/api/v1/buildings")
        .then()
        .statusCode(200)
        .body("items", empty());
    given()
        .header("Authorization", token)
        .queryParam("status", "closed")
        .when()
        .get("/api/v1/alerts")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }
}
