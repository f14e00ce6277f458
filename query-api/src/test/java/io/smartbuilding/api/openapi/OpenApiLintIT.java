package io.smartbuilding.api.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smartbuilding.api.testing.DynaliteResource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Lints the served OpenAPI document with Redocly CLI, pinned in openapi-lint/package.json and
 * installed with {@code npm ci} from its lock file (by .ci/run, or here when missing). The rules (openapi-lint/
 * redocly.yaml) are Redocly's recommended set with operation ids, summaries and 4xx answers as
 * errors: what client generators (openapi-generator for Kotlin and Swift) need.
 */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
class OpenApiLintIT {

  private static final Path LINT = Path.of("openapi-lint");
  private static final Path CLI = LINT.resolve("node_modules/@redocly/cli/bin/cli.js");

  @Test
  void everyReadOperationHasAnIdAndAnExample() {
    JsonPath openApi =
        given()
            .queryParam("format", "json")
            .when()
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    Map<String, String> operations =
        Map.of(
            "/api/v1/buildings", "listBuildings",
            "/api/v1/buildings/{buildingId}/devices", "listBuildingDevices",
            "/api/v1/devices/{deviceId}/health", "getDeviceHealth",
            "/api/v1/alerts", "listAlerts",
            "/api/v1/devices/{deviceId}/history", "getDeviceHistory",
            "/api/v1/buildings/{buildingId}/history", "getBuildingHistory");
    operations.forEach(
        (path, id) -> {
          String get = "paths.'" + path + "'.get";
          assertThat(openApi.getString(get + ".operationId")).as(path).isEqualTo(id);
          assertThat(
                  openApi.<String, Object>getMap(
                      get + ".responses.'200'.content.'application/json'.examples"))
              .as(path + " examples")
              .isNotEmpty();
        });
    assertThat(openApi.getList("components.schemas.AlertPage.required", String.class))
        .containsExactlyInAnyOrder("items", "nextCursor");
  }

  /** Like the emulators in deploy/local: the test installs its pinned tool, so verify just works. */
  private static void installLinterIfMissing() throws IOException, InterruptedException {
    if (Files.exists(CLI)) {
      return;
    }
    Process npm =
        new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
            .directory(LINT.toFile())
            .inheritIO()
            .start();
    if (!npm.waitFor(5, TimeUnit.MINUTES)) {
      npm.destroyForcibly();
    }
    assertThat(CLI).as("npm ci in " + LINT.toAbsolutePath() + " installed Redocly CLI").exists();
  }

  @Test
  void servesSwaggerUi() {
    given().when().get("/q/swagger-ui/").then().statusCode(200);
  }

  @Test
  void theServedDocumentPassesTheLinter() throws IOException, InterruptedException {
    installLinterIfMissing();
    String document =
        given()
            .queryParam("format", "json")
            .when()
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    Path file = Path.of("target/openapi/openapi.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, document);
    Path report = Path.of("target/openapi/lint-report.txt");

    ProcessBuilder command =
        new ProcessBuilder(
                "node",
                CLI.toString(),
                "lint",
                "--config",
                LINT.resolve("redocly.yaml").toString(),
                "--format",
                "stylish",
                file.toString())
            .redirectErrorStream(true)
            .redirectOutput(report.toFile());
    // Offline and quiet: no usage telemetry, no update check.
    command.environment().put("REDOCLY_TELEMETRY", "off");
    command.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
    Process lint = command.start();
    lint.getOutputStream().close();
    boolean finished = lint.waitFor(120, TimeUnit.SECONDS);
    if (!finished) {
      lint.destroyForcibly();
    }
    String output = Files.readString(report, StandardCharsets.UTF_8);

    assertThat(finished).as("redocly lint finished within 120 s").isTrue();
    assertThat(lint.exitValue()).as("redocly lint exit code; its report:%n%s", output).isZero();
    assertThat(output).contains("Woohoo! Your API description is valid.");
  }
}
