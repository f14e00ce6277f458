package io.smartbuilding.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartbuilding.contracts.tables.TableProvisioner.TableNames;
import io.smartbuilding.deploy.kubernetes.RenderedOverlays.Overlay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** analytics-job's FlinkDeployment against the job's real configuration, jar and bucket. */
class FlinkDeploymentTest {

  static final Path JOB = RenderedOverlays.REPOSITORY.resolve("analytics-job");
  static Set<String> jobKeys;

  @BeforeAll
  static void readJobConfigKeys() throws Exception {
    String source = Files.readString(JOB.resolve("src/main/java/io/smartbuilding/analytics/JobConfig.java"));
    Matcher constant =
        Pattern.compile("public static final String \\w+\\s*=\\s*\"([a-z][a-z0-9.-]*)\"").matcher(source);
    jobKeys = constant.results().map(m -> m.group(1)).collect(Collectors.toSet());
    assertThat(jobKeys).contains("kinesis.stream", "archive.path", "state.backend");
  }

  @Test
  void argumentsAreJobConfigurationKeys() throws Exception {
    for (Overlay overlay : RenderedOverlays.all().values()) {
      Map<String, String> args = arguments(overlay);
      assertThat(args.keySet()).as("%s: keys JobConfig knows", overlay.name()).isSubsetOf(jobKeys);
      TableNames tables = TableNames.defaults();
      assertThat(args)
          .containsEntry("kinesis.stream", "smartbuilding-telemetry")
          .containsEntry("kinesis.region", overlay.setting("region"))
          .containsEntry("dynamodb.table.device-health", tables.deviceHealth())
          .containsEntry("dynamodb.table.alerts", tables.alerts())
          .containsEntry("dynamodb.table.buildings", tables.buildings())
          .containsEntry("dynamodb.table.metric-history", tables.metricHistory())
          .containsEntry("dynamodb.table.rules", tables.rules())
          .containsEntry("state.backend", "rocksdb")
          .doesNotContainKeys("kinesis.endpoint", "dynamodb.endpoint", "aws.access-key", "aws.secret-key",
              "local", "dynamodb.create-tables");
      assertThat(args.get("kinesis.consumer"))
          .isEqualTo(overlay.setting("kinesisConsumer"))
          .isIn("polling", "efo");
      String stream =
          ServiceConfigKeys.of("ingest-gateway").defaultOf("gateway.kinesis.stream").orElseThrow();
      assertThat(args.get("kinesis.stream")).as("the stream the gateway writes").isEqualTo(stream);
    }
  }

  @Test
  void stateAndArchiveLiveInThePlatformBucket() throws Exception {
    for (Overlay overlay : RenderedOverlays.all().values()) {
      String bucket = overlay.setting("bucket");
      assertThat(bucket)
          .isEqualTo("smartbuilding-data-" + overlay.setting("accountId") + "-" + overlay.setting("region"));
      JsonNode config = overlay.get("FlinkDeployment", "analytics-job").at("/spec/flinkConfiguration");
      assertThat(config.path("state.checkpoints.dir").asText()).startsWith("s3://" + bucket + "/checkpoints/");
      assertThat(config.path("state.savepoints.dir").asText()).startsWith("s3://" + bucket + "/savepoints/");
      assertThat(config.path("high-availability.type").asText()).isEqualTo("kubernetes");
      assertThat(config.path("high-availability.storageDir").asText()).startsWith("s3://" + bucket + "/ha/");
      assertThat(arguments(overlay).get("archive.path")).startsWith("s3://" + bucket + "/archive/");
      assertThat(config.path("state.backend.type").asText()).isEqualTo("rocksdb");
      assertThat(config.path("s3.endpoint.region").asText())
          .as("%s: S3A's fs.s3a.endpoint.region = the bucket's region", overlay.name())
          .isEqualTo(overlay.setting("region"));
    }
  }

  @Test
  void runsTheShadedJobJarInApplicationModeWithSavepointUpgrades() throws Exception {
    String pom = Files.readString(JOB.resolve("pom.xml"));
    Matcher mainClass = Pattern.compile("<mainClass>([\\w.]+)</mainClass>").matcher(pom);
    assertThat(mainClass.find()).as("the shade plugin's mainClass").isTrue();
    String dockerfile = Files.readString(JOB.resolve("src/main/docker/Dockerfile"));
    for (Overlay overlay : RenderedOverlays.all().values()) {
      JsonNode spec = overlay.get("FlinkDeployment", "analytics-job").path("spec");
      assertThat(spec.path("flinkVersion").asText()).isEqualTo("v1_20");
      assertThat(spec.path("serviceAccount").asText()).isEqualTo("analytics-job");
      assertThat(spec.at("/job/entryClass").asText()).isEqualTo(mainClass.group(1));
      assertThat(spec.at("/job/upgradeMode").asText()).isEqualTo("savepoint");
      String jarUri = spec.at("/job/jarURI").asText();
      assertThat(jarUri).isEqualTo("local:///opt/flink/usrlib/analytics-job.jar");
      assertThat(dockerfile).contains(" " + jarUri.substring("local://".length()) + "\n");
      assertThat(spec.path("image").asText())
          .isEqualTo(overlay.setting("imageRegistry") + "/smartbuilding/analytics-job:" + overlay.setting("imageTag"));
      for (String role : List.of("jobManager", "taskManager")) {
        assertThat(spec.at("/" + role + "/resource/cpu").isNumber()).as(role + " cpu").isTrue();
        assertThat(spec.at("/" + role + "/resource/memory").asText()).as(role + " memory").isNotEmpty();
      }
    }
  }

  /** Parallelism = shards or a divisor of it: each source subtask then reads the same number of shards. */
  @Test
  void parallelismDividesTheShardCount() throws Exception {
    for (Overlay overlay : RenderedOverlays.all().values()) {
      int shards = Integer.parseInt(overlay.setting("kinesisShards"));
      JsonNode parallelism = overlay.get("FlinkDeployment", "analytics-job").at("/spec/job/parallelism");
      assertThat(parallelism.isInt()).as("parallelism is a number").isTrue();
      assertThat(shards % parallelism.asInt()).as("%d shards / parallelism %s", shards, parallelism).isZero();
    }
  }

  @Test
  void jvmOptionsIncludeTheJobsJava17Flags() throws Exception {
    Path jvmOptions = JOB.resolve("target/jvm-options.txt");
    assertThat(jvmOptions).as("built by analytics-job's package phase").exists();
    List<String> flags = List.of(Files.readString(jvmOptions).trim().split("\\s+"));
    for (Overlay overlay : RenderedOverlays.all().values()) {
      JsonNode config = overlay.get("FlinkDeployment", "analytics-job").at("/spec/flinkConfiguration");
      List<String> configured = new ArrayList<>(List.of(config.path("env.java.default-opts.all").asText().split("\\s+")));
      assertThat(configured).containsAll(flags);
      assertThat(config.path("env.java.opts.all").asText()).contains("-XX:+ExitOnOutOfMemoryError");
      assertThat(config.path("metrics.reporter.prom.factory.class").asText())
          .isEqualTo("org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
    }
  }

  /** The job's --key value arguments. */
  static Map<String, String> arguments(Overlay overlay) {
    JsonNode args = overlay.get("FlinkDeployment", "analytics-job").at("/spec/job/args");
    assertThat(args.size() % 2).as("--key value pairs").isZero();
    Map<String, String> pairs = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i += 2) {
      String key = args.get(i).asText();
      assertThat(key).startsWith("--");
      assertThat(args.get(i + 1).asText()).as("value of " + key).doesNotStartWith("--");
      pairs.put(key.substring(2), args.get(i + 1).asText());
    }
    return pairs;
  }
}
