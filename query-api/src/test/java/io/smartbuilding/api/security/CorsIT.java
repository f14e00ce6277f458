package io.smartbuilding.api.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smartbuilding.api.testing.DynaliteResource;
import io.smartbuilding.api.testing.TestTokens;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CORS switched on for one web origin, as the README shows: preflights pass for it only. */
@QuarkusTest
@TestProfile(CorsIT.OneWebOrigin.class)
@WithTestResource(DynaliteResource.class)
class CorsIT {

  static final String WEB_APP = "https://ops.example.com";

  public static class OneWebOrigin implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("quarkus.http.cors.enabled", "true", "quarkus.http.cors.origins", WEB_APP);
    }
  }

  @Test
  void letsTheConfiguredOriginActWithAToken() {
    given()
        .header("Origin", WEB_APP)
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization,if-match,content-type")
        .when()
        .options("/api/v1/alerts/a%231%231/acknowledge")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", WEB_APP)
        .header("Access-Control-Allow-Methods", containsString("POST"))
        .header("Access-Control-Allow-Headers", containsString("If-Match"));
    given()
        .header("Origin", WEB_APP)
        .header(TestTokens.AUTHORIZATION, TestTokens.manager())
        .get("/api/v1/buildings")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", WEB_APP)
        .header("Access-Control-Expose-Headers", containsString("ETag"));
  }

  @Test
  void refusesOtherOrigins() {
    given()
        .header("Origin", "https://evil.example")
        .header(TestTokens.AUTHORIZATION, TestTokens.manager())
        .get("/api/v1/buildings")
        .then()
        .statusCode(403)
        .header("Access-Control-Allow-Origin", nullValue());
  }
}
