package io.smartbuilding.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Every overlay under overlays/ rendered with {@code kubectl kustomize}, once per test JVM. kubectl
 * is required: without it nothing here could be checked, so its absence fails the tests.
 */
final class RenderedOverlays {

  static final Path MODULE = Path.of("").toAbsolutePath();
  static final Path REPOSITORY = MODULE.resolve("../..").normalize();
  static final Path OVERLAYS = MODULE.resolve("overlays");

  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final ObjectMapper JSON = new ObjectMapper();

  private static Map<String, Overlay> rendered;

  /** One rendered overlay: its objects and its settings.yaml. */
  record Overlay(String name, List<JsonNode> objects, JsonNode settings) {

    List<JsonNode> ofKind(String kind) {
      return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
      return ofKind(kind).stream()
          .filter(o -> name.equals(o.path("metadata").path("name").asText()))
          .findFirst();
    }

    JsonNode get(String kind, String name) {
      return find(kind, name)
          .orElseThrow(() -> new AssertionError(this.name + " renders no " + kind + "/" + name));
    }

    String setting(String key) {
      JsonNode value = settings.path("spec").path(key);
      assertThat(value.isMissingNode()).as("%s settings.yaml has spec.%s", name, key).isFalse();
      return value.asText();
    }
  }

  private RenderedOverlays() {}

  static synchronized Map<String, Overlay> all() throws IOException, InterruptedException {
    if (rendered == null) {
      Map<String, Overlay> overlays = new LinkedHashMap<>();
      for (Path dir : overlayDirectories()) {
        String name = OVERLAYS.relativize(dir).toString();
        JsonNode settings = YAML.readTree(dir.resolve("settings.yaml").toFile());
        overlays.put(name, new Overlay(name, parse(kustomize(dir)), settings));
      }
      assertThat(overlays).as("overlays under %s", OVERLAYS).isNotEmpty();
      rendered = overlays;
    }
    return rendered;
  }

  static List<Path> overlayDirectories() throws IOException {
    try (Stream<Path> dirs = Files.list(OVERLAYS)) {
      return dirs.filter(d -> Files.exists(d.resolve("kustomization.yaml"))).sorted().toList();
    }
  }

  /** The YAML documents kubectl prints, as trees. */
  static List<JsonNode> parse(String yaml) throws IOException {
    List<JsonNode> objects = new ArrayList<>();
    try (YAMLParser parser = new YAMLFactory().createParser(yaml)) {
      var values = YAML.readValues(parser, JsonNode.class);
      while (values.hasNext()) {
        JsonNode node = values.next();
        if (node != null && !node.isNull() && !node.isEmpty()) {
          objects.add(node);
        }
      }
    }
    return objects;
  }

  static String kustomize(Path dir) throws IOException, InterruptedException {
    Path out = Files.createTempFile("kustomize", ".yaml");
    Path err = Files.createTempFile("kustomize", ".err");
    try {
      Process kubectl;
      try {
        kubectl =
            new ProcessBuilder("kubectl", "kustomize", dir.toString())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
      } catch (IOException e) {
        return fail(
            "kubectl is needed to render the overlays (kubectl kustomize, kustomize v5): "
                + "install kubectl 1.32 or later and put it on the PATH ("
                + e.getMessage()
                + ")");
      }
      if (!kubectl.waitFor(2, TimeUnit.MINUTES)) {
        kubectl.destroyForcibly();
        fail("kubectl kustomize " + dir + " did not finish within 2 minutes");
      }
      assertThat(kubectl.exitValue())
          .as("kubectl kustomize %s failed:%n%s", dir, Files.readString(err))
          .isZero();
      return Files.readString(out, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** The pod template of a workload (Deployment, StatefulSet) or of a FlinkDeployment. */
  static JsonNode podTemplate(JsonNode workload) {
    return "FlinkDeployment".equals(workload.path("kind").asText())
        ? workload.path("spec").path("podTemplate")
        : workload.path("spec").path("template");
  }

  static String name(JsonNode object) {
    return object.path("kind").asText() + "/" + object.path("metadata").path("name").asText();
  }
}
