package io.smartbuilding.deploy.kubernetes;

import static io.smartbuilding.deploy.kubernetes.RenderedOverlays.podTemplate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartbuilding.contracts.tables.TableProvisioner.TableNames;
import io.smartbuilding.deploy.kubernetes.RenderedOverlays.Overlay;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The environment the manifests give each Quarkus service sets keys the service really has, with
 * the names (streams, tables) the services and the contracts use.
 */
class ServiceConfigurationTest {

  /** Variables that are not the service's configuration keys, and who reads them. */
  static final Set<String> NOT_CONFIG_KEYS =
      Set.of(
          "JAVA_OPTS_APPEND", // run-java.sh of the UBI OpenJDK image: JVM flags
          "AWS_REGION"); // the AWS SDK's default region chain

  @Test
  void everyVariableSetsAKeyTheServiceHas() throws Exception {
    for (Overlay overlay : RenderedOverlays.all().values()) {
      for (String service : List.of("ingest-gateway", "query-api")) {
        ServiceConfigKeys keys = ServiceConfigKeys.of(service);
        Map<String, JsonNode> environment = environment(overlay, service);
        assertThat(environment).as("%s %s environment", overlay.name(), service).isNotEmpty();
        for (String variable : environment.keySet()) {
          if (!NOT_CONFIG_KEYS.contains(variable)) {
            assertThat(keys.keyOfEnvironmentVariable(variable))
                .as("%s: %s sets a key of %s (application.properties or @ConfigMapping)",
                    overlay.name(), variable, service)
                .isPresent();
          }
        }
      }
    }
  }

  @Test
  void jvmFlagsAreSizedForTheContainer() throws Exception {
    for (Overlay overlay : RenderedOverlays.all().values()) {
      for (String service : List.of("ingest-gateway", "query-api")) {
        assertThat(environment(overlay, service).get("JAVA_OPTS_APPEND").asText())
            .contains("-XX:MaxRAMPercentage=", "-XX:+ExitOnOutOfMemoryError");
      }
    }
  }

  @Test
  void streamAndTableNamesAreTheServicesOwn() throws Exception {
    ServiceConfigKeys gatewayKeys = ServiceConfigKeys.of("ingest-gateway");
    ServiceConfigKeys apiKeys = ServiceConfigKeys.of("query-api");
    TableNames tables = TableNames.defaults();
    for (Overlay overlay : RenderedOverlays.all().values()) {
      Map<String, JsonNode> gateway = environment(overlay, "ingest-gateway");
      assertThat(gateway.get("GATEWAY_KINESIS_STREAM").asText())
          .isEqualTo(gatewayKeys.defaultOf("gateway.kinesis.stream").orElseThrow());
      assertThat(gateway.get("GATEWAY_DEAD_LETTER_STREAM").asText())
          .isEqualTo(gatewayKeys.defaultOf("gateway.dead-letter.stream").orElseThrow())
          .isEqualTo("smartbuilding-telemetry-dlq");
      assertThat(gateway.get("GATEWAY_KINESIS_REGION").asText()).isEqualTo(overlay.setting("region"));

      Map<String, JsonNode> api = environment(overlay, "query-api");
      Map<String, String> expected =
          Map.of(
              "SMARTBUILDING_TABLES_DEVICE_HEALTH", tables.deviceHealth(),
              "SMARTBUILDING_TABLES_ALERTS", tables.alerts(),
              "SMARTBUILDING_TABLES_BUILDINGS", tables.buildings(),
              "SMARTBUILDING_TABLES_METRIC_HISTORY", tables.metricHistory(),
              "SMARTBUILDING_TABLES_RULES", tables.rules());
      expected.forEach(
          (variable, table) -> {
            assertThat(api.get(variable).asText()).as(variable).isEqualTo(table);
            // query-api's defaults are these same contract constants (ApiConfig.Tables).
            assertThat(apiKeys.keyOfEnvironmentVariable(variable)).as(variable).isPresent();
          });
    }
  }

  @Test
  void gatewayReplicasHaveStableClientIds() throws Exception {
    for (Overlay overlay : RenderedOverlays.all().values()) {
      JsonNode gateway = overlay.get("StatefulSet", "ingest-gateway");
      JsonNode clientId = environment(overlay, "ingest-gateway").get("GATEWAY_MQTT_CLIENT_ID");
      assertThat(clientId.at("/valueFrom/fieldRef/fieldPath").asText()).isEqualTo("metadata.name");
      assertThat(overlay.find("Deployment", "ingest-gateway")).isEmpty();
      assertThat(gateway.at("/spec/serviceName").asText()).isEqualTo("ingest-gateway");
      assertThat(overlay.get("Service", "ingest-gateway").at("/spec/clusterIP").asText()).isEqualTo("None");
      assertThat(environment(overlay, "ingest-gateway").get("GATEWAY_MQTT_BROKER_URL").asText())
          .startsWith("ssl://");
    }
  }

  @Test
  void queryApiTrustsCognitoAndReadsItsCursorKeyFromASecret() throws Exception {
    for (Overlay overlay : RenderedOverlays.all().values()) {
      Map<String, JsonNode> api = environment(overlay, "query-api");
      String issuer =
          "https://cognito-idp." + overlay.setting("region") + ".amazonaws.com/"
              + overlay.setting("cognitoUserPoolId");
      assertThat(api.get("MP_JWT_VERIFY_ISSUER").asText()).isEqualTo(issuer);
      assertThat(api.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION").asText())
          .isEqualTo(issuer + "/.well-known/jwks.json");
      JsonNode cursorKey = api.get("SMARTBUILDING_CURSOR_KEY");
      assertThat(cursorKey.at("/valueFrom/secretKeyRef/name").asText()).isEqualTo("query-api-cursor-key");
      assertThat(cursorKey.has("value")).isFalse();
      assertThat(overlay.find("Secret", "query-api-cursor-key")).as("the Secret is not in the repository").isEmpty();
    }
  }

  /**
   * A container's environment: its env entries (as they are) over the data of the ConfigMaps its
   * envFrom names (as {"value": ...}).
   */
  static Map<String, JsonNode> environment(Overlay overlay, String workload) {
    JsonNode owner =
        overlay.find("StatefulSet", workload).orElseGet(() -> overlay.get("Deployment", workload));
    JsonNode container = podTemplate(owner).at("/spec/containers/0");
    Map<String, JsonNode> environment = new LinkedHashMap<>();
    for (JsonNode source : container.path("envFrom")) {
      String configMap = source.at("/configMapRef/name").asText();
      overlay.get("ConfigMap", configMap).path("data").fields()
          .forEachRemaining(e -> environment.put(e.getKey(), e.getValue()));
    }
    for (JsonNode variable : container.path("env")) {
      environment.put(variable.path("name").asText(),
          variable.has("value") ? variable.path("value") : variable);
    }
    return environment;
  }
}
