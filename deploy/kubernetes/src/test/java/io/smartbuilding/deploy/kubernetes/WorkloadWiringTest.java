package io.smartbuilding.deploy.kubernetes;

import static io.smartbuilding.deploy.kubernetes.RenderedOverlays.name;
import static io.smartbuilding.deploy.kubernetes.RenderedOverlays.podTemplate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartbuilding.deploy.kubernetes.RenderedOverlays.Overlay;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The objects of each overlay point at each other correctly: selectors, targets, ports, probes. */
class WorkloadWiringTest {

  static final List<String> WORKLOAD_KINDS = List.of("Deployment", "StatefulSet", "FlinkDeployment");

  @Test
  void everyServiceSelectsPodsThatServeItsPorts() throws Exception {
    for (Overlay overlay : RenderedOverlays.all().values()) {
      for (JsonNode service : overlay.ofKind("Service")) {
        JsonNode selector = service.at("/spec/selector");
        List<JsonNode> pods = podsSelectedBy(overlay, selector);
        assertThat(pods).as("%s %s selects pods", overlay.name(), name(service)).isNotEmpty();
        for (JsonNode port : service.at("/spec/ports")) {
          JsonNode target = port.path("targetPort");
          for (JsonNode pod : pods) {
            assertThat(containerPorts(pod))
                .as("%s %s targetPort %s is a container port", overlay.name(), name(service), target)
                .anyMatch(p -> target.isTextual()
                    ? p.path("name").asText().equals(target.asText())
                    : p.path("containerPort").asInt() == target.asInt());
          }
        }
      }
    }
  }

  @Test
  void autoscalersAndDisruptionBudgetsTargetExistingWorkloads() throws Exception {
    for (Overlay overlay : RenderedOverlays.all().values()) {
      for (JsonNode hpa : overlay.ofKind("HorizontalPodAutoscaler")) {
        JsonNode target = hpa.at("/spec/scaleTargetRef");
        JsonNode workload = overlay.get(target.path("kind").asText(), target.path("name").asText());
        assertThat(workload.path("apiVersion").asText()).isEqualTo(target.path("apiVersion").asText());
        assertThat(containersOf(podTemplate(workload)))
            .as("%s: CPU utilisation needs CPU requests", name(hpa))
            .allMatch(c -> c.at("/resources/requests/cpu").isTextual());
        assertThat(hpa.at("/spec/minReplicas").asInt()).isGreaterThanOrEqualTo(2);
      }
      for (JsonNode pdb : overlay.ofKind("PodDisruptionBudget")) {
        assertThat(podsSelectedBy(overlay, pdb.at("/spec/selector/matchLabels")))
            .as("%s %s selects pods", overlay.name(), name(pdb))
            .isNotEmpty();
      }
      assertThat(overlay.ofKind("HorizontalPodAutoscaler"))
          .extracting(RenderedOverlays::name)
          .contains("HorizontalPodAutoscaler/ingest-gateway", "HorizontalPodAutoscaler/query-api");
    }
  }

  /** kubectl apply would otherwise reset the replica count the HPA chose to the manifest's. */
  @Test
  void workloadsScaledByAnAutoscalerLeaveTheirReplicaCountToIt() throws Exception {
    for (Overlay overlay : RenderedOverlays.all().values()) {
      List<JsonNode> autoscalers = overlay.ofKind("HorizontalPodAutoscaler");
      assertThat(autoscalers).as("%s has autoscalers", overlay.name()).isNotEmpty();
      for (JsonNode hpa : autoscalers) {
        JsonNode target = hpa.at("/spec/scaleTargetRef");
        JsonNode workload = overlay.get(target.path("kind").asText(), target.path("name").asText());
        assertThat(workload.path("spec").has("replicas"))
            .as("%s %s sets spec.replicas although %s scales it", overlay.name(), name(workload), name(hpa))
            .isFalse();
      }
    }
  }

  @Test
  void monitorsFindTheMetricsEndpoints() throws Exception {
    for (Overlay overlay : RenderedOverlays.all().values()) {
      for (JsonNode monitor : overlay.ofKind("ServiceMonitor")) {
        List<JsonNode> services =
            overlay.ofKind("Service").stream()
                .filter(s -> labelsMatch(s.at("/metadata/labels"), monitor.at("/spec/selector/matchLabels")))
                .toList();
        assertThat(services).as("%s %s selects a Service", overlay.name(), name(monitor)).isNotEmpty();
        for (JsonNode endpoint : monitor.at("/spec/endpoints")) {
          assertThat(endpoint.path("path").asText()).isEqualTo("/q/metrics");
          assertThat(services)
              .allMatch(s -> StreamSupport.stream(s.at("/spec/ports").spliterator(), false)
                  .anyMatch(p -> p.path("name").asText().equals(endpoint.path("port").asText())));
        }
      }
      JsonNode podMonitor = overlay.get("PodMonitor", "analytics-job");
      JsonNode flink = overlay.get("FlinkDeployment", "analytics-job");
      // The operator labels the JobManager and TaskManager pods app=<FlinkDeployment name>.
      assertThat(podMonitor.at("/spec/selector/matchLabels"))
          .isEqualTo(RenderedOverlays.JSON.valueToTree(Map.of("app", "analytics-job")));
      String port = podMonitor.at("/spec/podMetricsEndpoints/0/port").asText();
      assertThat(containerPorts(flink.path("spec").path("podTemplate")))
          .anyMatch(p -> p.path("name").asText().equals(port)
              && p.path("containerPort").asText()
                  .equals(flink.at("/spec/flinkConfiguration").path("metrics.reporter.prom.port").asText()));
    }
  }

  @Test
  void probesUseTheServicesHealthEndpoints() throws Exception {
    Map<String, String> modules = Map.of("ingest-gateway", "ingest-gateway", "query-api", "query-api");
    for (Overlay overlay : RenderedOverlays.all().values()) {
      for (var service : modules.entrySet()) {
        String pom = Files.readString(RenderedOverlays.REPOSITORY.resolve(service.getValue()).resolve("pom.xml"));
        assertThat(pom).contains("<artifactId>quarkus-smallrye-health</artifactId>");
        String httpPort = ServiceConfigKeys.of(service.getValue()).defaultOf("quarkus.http.port").orElseThrow();
        JsonNode workload =
            overlay.find("StatefulSet", service.getKey()).orElseGet(() -> overlay.get("Deployment", service.getKey()));
        JsonNode container = containersOf(podTemplate(workload)).get(0);
        for (String kind : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
          JsonNode probe = container.path(kind).path("httpGet");
          String expectedPath = switch (kind) {
            case "startupProbe" -> "/q/health/started";
            case "livenessProbe" -> "/q/health/live";
            default -> "/q/health/ready";
          };
          assertThat(probe.path("path").asText()).as("%s %s path", service.getKey(), kind).isEqualTo(expectedPath);
          assertThat(containerPortNumber(container, probe.path("port")))
              .as("%s %s port = quarkus.http.port", service.getKey(), kind)
              .isEqualTo(Integer.parseInt(httpPort));
        }
      }
      JsonNode ingress = overlay.get("Ingress", "query-api");
      // Readiness includes DynamoDB: a DynamoDB blip must not fail every ALB target at once.
      assertThat(ingress.at("/metadata/annotations").path("alb.ingress.kubernetes.io/healthcheck-path").asText())
          .isEqualTo("/q/health/live");
      assertThat(ingress.at("/spec/rules/0/http/paths"))
          .extracting(p -> p.path("path").asText())
          .as("health and metrics stay inside the cluster")
          .noneMatch(p -> p.equals("/") || p.startsWith("/q/health") || p.startsWith("/q/metrics"));
    }
  }

  /** With the VPC CNI every pod has a VPC address: the API admits the ALB's subnets, not the VPC. */
  @Test
  void theApiAdmitsOnlyTheAlbSubnets() throws Exception {
    for (Overlay overlay : RenderedOverlays.all().values()) {
      List<String> albSubnets = new ArrayList<>();
      overlay.settings().at("/spec/albSubnetCidrs").forEach(c -> albSubnets.add(c.asText()));
      assertThat(albSubnets).as("%s settings.yaml albSubnetCidrs", overlay.name()).hasSizeGreaterThanOrEqualTo(2);
      JsonNode policy = overlay.get("NetworkPolicy", "allow-alb-to-query-api");
      List<String> sources = new ArrayList<>();
      for (JsonNode rule : policy.at("/spec/ingress")) {
        rule.path("from").forEach(from -> sources.add(from.at("/ipBlock/cidr").asText()));
      }
      assertThat(sources).as("%s: sources the API pods accept", overlay.name())
          .containsExactlyInAnyOrderElementsOf(albSubnets);
    }
  }

  static int containerPortNumber(JsonNode container, JsonNode port) {
    if (port.isInt()) {
      return port.asInt();
    }
    return StreamSupport.stream(container.path("ports").spliterator(), false)
        .filter(p -> p.path("name").asText().equals(port.asText()))
        .map(p -> p.path("containerPort").asInt())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no container port named " + port));
  }

  static List<JsonNode> podsSelectedBy(Overlay overlay, JsonNode selector) {
    List<JsonNode> pods = new ArrayList<>();
    for (String kind : WORKLOAD_KINDS) {
      for (JsonNode workload : overlay.ofKind(kind)) {
        if (labelsMatch(podTemplate(workload).at("/metadata/labels"), selector)) {
          pods.add(podTemplate(workload));
        }
      }
    }
    return pods;
  }

  static boolean labelsMatch(JsonNode labels, JsonNode selector) {
    if (selector.isMissingNode() || selector.isEmpty()) {
      return false;
    }
    var fields = selector.fields();
    while (fields.hasNext()) {
      var entry = fields.next();
      if (!entry.getValue().asText().equals(labels.path(entry.getKey()).asText(null))) {
        return false;
      }
    }
    return true;
  }

  static List<JsonNode> containersOf(JsonNode template) {
    return StreamSupport.stream(template.at("/spec/containers").spliterator(), false).toList();
  }

  static List<JsonNode> containerPorts(JsonNode template) {
    return containersOf(template).stream()
        .flatMap(c -> StreamSupport.stream(c.path("ports").spliterator(), false))
        .toList();
  }
}
