package io.smartbuilding.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every object of every overlay against its schema (validate.mjs): built-in kinds against the
 * Kubernetes API (kubernetes-models), prometheus-operator kinds against theirs, FlinkDeployment
 * against the CRD of the Flink Kubernetes Operator's API jar; unknown fields and unknown kinds fail.
 */
class ManifestSchemaTest {

  static final String FLINK_CRD = "META-INF/fabric8/flinkdeployments.flink.apache.org-v1beta1.yml";
  static final Path WORK = RenderedOverlays.MODULE.resolve("target/manifest-validation");

  static JsonNode flinkSchema;

  @BeforeAll
  static void readFlinkCrd() throws IOException {
    try (InputStream crd = ManifestSchemaTest.class.getClassLoader().getResourceAsStream(FLINK_CRD)) {
      assertThat(crd).as("%s on the test class path (flink-kubernetes-operator-api)", FLINK_CRD).isNotNull();
      JsonNode definition = RenderedOverlays.YAML.readTree(crd);
      // apiextensions v1beta1 layout: one schema for the CRD's (only) version v1beta1.
      assertThat(definition.path("spec").path("versions"))
          .extracting(v -> v.path("name").asText())
          .containsExactly("v1beta1");
      flinkSchema = definition.path("spec").path("validation").path("openAPIV3Schema");
    }
    Files.createDirectories(WORK);
  }

  @Test
  void theOperatorSupportsFlink120() {
    assertThat(flinkSchema.at("/properties/spec/properties/flinkVersion/enum"))
        .extracting(JsonNode::asText)
        .contains("v1_20");
  }

  @Test
  void everyRenderedObjectMatchesItsSchema() throws Exception {
    List<ObjectNode> objects = new ArrayList<>();
    for (var overlay : RenderedOverlays.all().values()) {
      for (JsonNode object : overlay.objects()) {
        objects.add(entry("overlays/" + overlay.name(), object));
      }
    }
    NodeScripts.Result result = validate("rendered.json", objects);

    assertThat(result.exitCode()).as("validate.mjs:%n%s", result.output()).isZero();
    assertThat(result.output()).contains("OK " + objects.size() + " objects valid");
  }

  /** The validator must be able to fail: one known defect of each kind it looks for. */
  @Test
  void theValidatorRejectsBrokenObjects() throws Exception {
    var production = RenderedOverlays.all().values().iterator().next();
    ObjectNode gateway = production.get("StatefulSet", "ingest-gateway").deepCopy();
    ObjectNode probe =
        (ObjectNode) gateway.at("/spec/template/spec/containers/0/livenessProbe");
    probe.set("httpGett", probe.remove("httpGet"));
    ObjectNode api = production.get("Deployment", "query-api").deepCopy();
    ((ObjectNode) api.path("spec")).remove("selector");
    ObjectNode monitor = production.get("ServiceMonitor", "query-api").deepCopy();
    ((ObjectNode) monitor.at("/spec/endpoints/0")).put("interval", 30);
    ObjectNode flink = production.get("FlinkDeployment", "analytics-job").deepCopy();
    ((ObjectNode) flink.at("/spec/job")).put("parallelizm", 2);
    ((ObjectNode) flink.path("spec")).put("flinkVersion", "v1_99");
    ObjectNode unknownKind = RenderedOverlays.JSON.createObjectNode();
    unknownKind.put("apiVersion", "example.com/v1").put("kind", "Widget");
    unknownKind.putObject("metadata").put("name", "w");

    NodeScripts.Result result =
        validate(
            "broken.json",
            List.of(
                entry("broken", gateway),
                entry("broken", api),
                entry("broken", monitor),
                entry("broken", flink),
                entry("broken", unknownKind)));

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.output())
        .contains("StatefulSet/ingest-gateway: unknown field /spec/template/spec/containers/0/livenessProbe/httpGett")
        .contains("Deployment/query-api: /spec: required {\"missingProperty\":\"selector\"}")
        .contains("ServiceMonitor/query-api: /spec/endpoints/0/interval")
        .contains("FlinkDeployment/analytics-job: unknown field /spec/job/parallelizm")
        .contains("FlinkDeployment/analytics-job: /spec/flinkVersion")
        .contains("Widget/w: unknown kind example.com/v1/Widget");
  }

  private static ObjectNode entry(String source, JsonNode object) {
    ObjectNode entry = RenderedOverlays.JSON.createObjectNode();
    entry.put("source", source);
    entry.set("object", object);
    return entry;
  }

  private static NodeScripts.Result validate(String file, List<ObjectNode> objects)
      throws IOException, InterruptedException {
    ObjectNode input = RenderedOverlays.JSON.createObjectNode();
    ArrayNode array = input.putArray("objects");
    objects.forEach(array::add);
    input.putObject("crds").set("flink.apache.org/v1beta1/FlinkDeployment", flinkSchema);
    Path path = WORK.resolve(file);
    RenderedOverlays.JSON.writeValue(path.toFile(), input);
    return NodeScripts.run("validate.mjs", List.of(path.toString()));
  }
}
