package io.smartbuilding.deploy.kubernetes;

import static io.smartbuilding.deploy.kubernetes.RenderedOverlays.name;
import static io.smartbuilding.deploy.kubernetes.RenderedOverlays.podTemplate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartbuilding.deploy.kubernetes.RenderedOverlays.Overlay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Pinned images, unprivileged pods with resources, IRSA roles, and no credentials anywhere. */
class PodSecurityTest {

  /** Flink's entrypoint writes its configuration under /opt/flink/conf at start. */
  static final List<String> WRITABLE_ROOT_FILESYSTEM = List.of("FlinkDeployment/analytics-job");

  @Test
  void imagesArePinnedToAVersion() throws Exception {
    for (Overlay overlay : RenderedOverlays.all().values()) {
      for (JsonNode container : allContainers(overlay)) {
        String image = container.path("image").asText();
        assertThat(image).as("%s image", overlay.name()).matches(".+:[^/:]*\\d[^/:]*$|.+@sha256:[0-9a-f]{64}$");
        assertThat(image).doesNotEndWith(":latest");
      }
      JsonNode flink = overlay.get("FlinkDeployment", "analytics-job");
      assertThat(flink.at("/spec/image").asText()).matches(".+:[^/:]*\\d[^/:]*$").doesNotEndWith(":latest");
    }
  }

  @Test
  void podsRunUnprivileged() throws Exception {
    for (Overlay overlay : RenderedOverlays.all().values()) {
      for (JsonNode owner : workloads(overlay)) {
        JsonNode pod = podTemplate(owner).path("spec");
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).as(name(owner)).isTrue();
        assertThat(pod.at("/securityContext/runAsUser").asInt()).as(name(owner)).isPositive();
        for (JsonNode container : pod.path("containers")) {
          JsonNode security = container.path("securityContext");
          assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).as(name(owner)).isFalse();
          assertThat(security.at("/capabilities/drop").toString()).as(name(owner)).contains("\"ALL\"");
          if (!WRITABLE_ROOT_FILESYSTEM.contains(name(owner))) {
            assertThat(security.path("readOnlyRootFilesystem").asBoolean()).as(name(owner)).isTrue();
          }
        }
      }
    }
  }

  @Test
  void everyContainerHasResources() throws Exception {
    for (Overlay overlay : RenderedOverlays.all().values()) {
      for (JsonNode owner : workloads(overlay)) {
        if ("FlinkDeployment".equals(owner.path("kind").asText())) {
          continue; // sized by jobManager/taskManager.resource (FlinkDeploymentTest)
        }
        for (JsonNode container : podTemplate(owner).at("/spec/containers")) {
          JsonNode resources = container.path("resources");
          assertThat(resources.at("/requests/cpu").asText()).as("%s cpu request", name(owner)).isNotEmpty();
          assertThat(resources.at("/requests/memory").asText()).as("%s memory request", name(owner)).isNotEmpty();
          assertThat(resources.at("/limits/memory").asText()).as("%s memory limit", name(owner)).isNotEmpty();
        }
      }
    }
  }

  @Test
  void serviceAccountsAssumeThePlatformRoles() throws Exception {
    for (Overlay overlay : RenderedOverlays.all().values()) {
      String account = overlay.setting("accountId");
      assertThat(account).matches("\\d{12}");
      for (String sa : List.of("ingest-gateway", "query-api", "analytics-job")) {
        assertThat(overlay.get("ServiceAccount", sa).at("/metadata/annotations").path("eks.amazonaws.com/role-arn").asText())
            .isEqualTo("arn:aws:iam::" + account + ":role/smartbuilding-" + sa);
      }
      assertThat(overlay.get("StatefulSet", "ingest-gateway").at("/spec/template/spec/serviceAccountName").asText())
          .isEqualTo("ingest-gateway");
      assertThat(overlay.get("Deployment", "query-api").at("/spec/template/spec/serviceAccountName").asText())
          .isEqualTo("query-api");
    }
  }

  @Test
  void noSecretIsRendered() throws Exception {
    for (Overlay overlay : RenderedOverlays.all().values()) {
      assertThat(overlay.ofKind("Secret"))
          .as("%s: Secrets are created out of band (deploy/README.md)", overlay.name())
          .allMatch(s -> !s.has("data") && !s.has("stringData"));
    }
  }

  static final Map<String, Pattern> CREDENTIALS =
      Map.of(
          "AWS access key id", Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b"),
          "AWS secret key setting", Pattern.compile("(?i)aws_secret_access_key\\s*[=:]\\s*\\S"),
          "private key", Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"),
          "Secret with data",
          Pattern.compile("(?ms)^kind:\\s*Secret\\s*$(?:(?!^---).)*?^(?:data|stringData):"));

  /** Every file of deploy/ (build output and installed packages aside). */
  @Test
  void noCredentialsInDeployFiles() throws IOException {
    Path deploy = RenderedOverlays.REPOSITORY.resolve("deploy");
    List<String> findings = new ArrayList<>();
    try (Stream<Path> files = Files.walk(deploy)) {
      for (Path file : files.filter(Files::isRegularFile).filter(PodSecurityTest::isOurs).toList()) {
        String text;
        try {
          text = Files.readString(file);
        } catch (IOException notText) {
          continue;
        }
        CREDENTIALS.forEach(
            (what, pattern) -> {
              if (pattern.matcher(text).find()) {
                findings.add(deploy.relativize(file) + ": " + what);
              }
            });
      }
    }
    assertThat(findings).isEmpty();
  }

  private static boolean isOurs(Path file) {
    String path = file.toString().replace('\\', '/');
    return !path.contains("/node_modules/") && !path.contains("/target/") && !path.contains("/.cdk")
        && !path.contains("/cdk.out/");
  }

  static List<JsonNode> workloads(Overlay overlay) {
    return Stream.of("Deployment", "StatefulSet", "FlinkDeployment")
        .flatMap(kind -> overlay.ofKind(kind).stream())
        .toList();
  }

  static List<JsonNode> allContainers(Overlay overlay) {
    List<JsonNode> containers = new ArrayList<>();
    for (JsonNode owner : workloads(overlay)) {
      podTemplate(owner).at("/spec/containers").forEach(c -> {
        if (c.has("image")) {
          containers.add(c);
        }
      });
    }
    return containers;
  }
}
