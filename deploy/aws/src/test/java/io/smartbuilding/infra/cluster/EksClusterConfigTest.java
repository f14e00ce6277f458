package io.smartbuilding.infra.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.smartbuilding.infra.RepositoryFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The essentials of eks-cluster.yaml, the eksctl ClusterConfig. */
class EksClusterConfigTest {

  /** The README's sizing table: the platform's CPU requests, in vCPU. */
  private static final double PLATFORM_CPU_REQUESTS = 7.0;

  /** vCPUs of the instance types the node group may use. */
  private static final Map<String, Integer> VCPUS =
      Map.of("m6i.large", 2, "m6i.xlarge", 4, "m6i.2xlarge", 8, "m7i.xlarge", 4, "m7g.xlarge", 4);

  private static JsonNode cluster;

  @BeforeAll
  static void parse() throws IOException {
    cluster = new ObjectMapper(new YAMLFactory()).readTree(Path.of("eks-cluster.yaml").toFile());
  }

  @Test
  void isAnEksctlClusterConfig() {
    assertThat(cluster.path("apiVersion").asText()).isEqualTo("eksctl.io/v1alpha5");
    assertThat(cluster.path("kind").asText()).isEqualTo("ClusterConfig");
    assertThat(cluster.path("metadata").path("name").asText()).isEqualTo("smartbuilding");
  }

  @Test
  void hasTheOidcProviderTheIrsaRolesTrust() {
    assertThat(cluster.path("iam").path("withOIDC").asBoolean()).isTrue();
  }

  @Test
  void isInTheRegionTheServicesUse() {
    String region = cluster.path("metadata").path("region").asText();
    assertThat(region)
        .isEqualTo(
            RepositoryFiles.properties("ingest-gateway/src/main/resources/application.properties")
                .getProperty("gateway.kinesis.region"))
        .isEqualTo(
            RepositoryFiles.properties("analytics-job/config/local.properties")
                .getProperty("kinesis.region"));
    assertThat(texts(cluster.path("availabilityZones")))
        .hasSizeGreaterThanOrEqualTo(2)
        .allSatisfy(az -> assertThat(az).startsWith(region));
  }

  @Test
  void nodesAreManagedAndPrivate() {
    assertThat(cluster.has("nodeGroups")).as("self-managed node groups").isFalse();
    assertThat(cluster.path("managedNodeGroups")).isNotEmpty();
    for (JsonNode group : cluster.path("managedNodeGroups")) {
      assertThat(group.path("privateNetworking").asBoolean())
          .as("%s in private subnets", group.path("name").asText())
          .isTrue();
      assertThat(group.path("disableIMDSv1").asBoolean()).isTrue();
    }
    assertThat(cluster.path("vpc").path("nat").path("gateway").asText()).isNotEqualTo("Disable");
  }

  @Test
  void nodeGroupSizesHoldThePlatformWithANodeToSpare() {
    JsonNode group = cluster.path("managedNodeGroups").get(0);
    int min = group.path("minSize").asInt();
    int desired = group.path("desiredCapacity").asInt();
    int max = group.path("maxSize").asInt();
    int vcpus = VCPUS.getOrDefault(group.path("instanceType").asText(), 0);

    assertThat(min).isLessThanOrEqualTo(desired).isGreaterThanOrEqualTo(2);
    assertThat(desired).isLessThanOrEqualTo(max);
    assertThat(desired).isGreaterThanOrEqualTo(cluster.path("availabilityZones").size());
    // one node may fail (or drain for an upgrade) and the requests still fit
    assertThat((min - 1) * vcpus * 0.9).isGreaterThanOrEqualTo(PLATFORM_CPU_REQUESTS);
  }

  @Test
  void installsTheAddOnsThePlatformNeeds() {
    List<String> addons = new ArrayList<>();
    cluster.path("addons").forEach(a -> addons.add(a.path("name").asText()));
    assertThat(addons)
        .contains("vpc-cni", "coredns", "kube-proxy", "aws-ebs-csi-driver", "metrics-server");
  }

  @Test
  void enforcesTheNetworkPoliciesOfTheKubernetesManifests() throws IOException {
    JsonNode cni = addon("vpc-cni");
    JsonNode values = new ObjectMapper().readTree(cni.path("configurationValues").asText("{}"));
    assertThat(values.path("enableNetworkPolicy").asText()).isEqualTo("true");
  }

  @Test
  void givesTheMosquittoVolumeADefaultStorageClass() throws IOException {
    // The Mosquitto component's volume claim names no StorageClass; EKS 1.30+ has no default one.
    JsonNode ebs = addon("aws-ebs-csi-driver");
    JsonNode values = new ObjectMapper().readTree(ebs.path("configurationValues").asText("{}"));
    assertThat(values.path("defaultStorageClass").path("enabled").asBoolean()).isTrue();
  }

  private static JsonNode addon(String name) {
    for (JsonNode addon : cluster.path("addons")) {
      if (addon.path("name").asText().equals(name)) {
        return addon;
      }
    }
    throw new AssertionError("no add-on " + name);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
