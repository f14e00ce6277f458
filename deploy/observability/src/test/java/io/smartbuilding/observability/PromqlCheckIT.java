package io.smartbuilding.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every PromQL expression of the alert rules and the dashboard, parsed by Prometheus' own grammar
 * ({@code @prometheus-io/lezer-promql}, pinned in promql-check/package.json, installed with
 * {@code npm ci} when missing), and every metric they select listed in metrics-catalog.tsv with a
 * proof that the services really expose it under that name.
 */
class PromqlCheckIT {

  private static final Path CHECK = MonitoringFiles.MODULE.resolve("promql-check");
  private static final Path PARSER =
      CHECK.resolve("node_modules/@prometheus-io/lezer-promql/package.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** source -> the metrics its expression selects. */
  private static final Map<String, List<String>> METRICS_BY_SOURCE = new TreeMap<>();
  private static final List<String> ERRORS = new ArrayList<>();

  @BeforeAll
  static void parseEveryExpression() throws IOException, InterruptedException {
    installParserIfMissing();
    Path work = MonitoringFiles.MODULE.resolve("target/promql-check");
    Files.createDirectories(work);
    Path input = work.resolve("expressions.json");
    Path output = work.resolve("parsed.json");
    Path log = work.resolve("node.log");
    JSON.writeValue(input.toFile(), MonitoringFiles.expressions());
    Process node =
        new ProcessBuilder("node", CHECK.resolve("check.mjs").toString(), input.toString())
            .redirectOutput(output.toFile())
            .redirectError(log.toFile())
            .start();
    node.getOutputStream().close();
    boolean finished = node.waitFor(60, TimeUnit.SECONDS);
    if (!finished) {
      node.destroyForcibly();
    }
    assertThat(finished).as("node check.mjs finished within 60 s").isTrue();
    assertThat(node.exitValue())
        .as("node check.mjs exit code; stderr:%n%s", Files.readString(log, StandardCharsets.UTF_8))
        .isZero();
    for (JsonNode result : JSON.readTree(output.toFile())) {
      String source = result.path("source").asText();
      result.path("errors").forEach(e -> ERRORS.add(source + ": " + e.asText()));
      List<String> metrics = new ArrayList<>();
      result.path("metrics").forEach(m -> metrics.add(m.asText()));
      METRICS_BY_SOURCE.put(source, metrics);
    }
  }

  @Test
  void everyExpressionParses() {
    assertThat(METRICS_BY_SOURCE).hasSize(MonitoringFiles.expressions().size());
    assertThat(ERRORS).as("PromQL syntax errors").isEmpty();
  }

  @Test
  void everyExpressionSelectsAtLeastOneMetric() {
    METRICS_BY_SOURCE.forEach(
        (source, metrics) -> assertThat(metrics).as(source + " selects a metric").isNotEmpty());
  }

  @Test
  void theCatalogListsExactlyTheMetricsInUse() throws IOException {
    Map<String, TreeSet<String>> usedBy = new TreeMap<>();
    METRICS_BY_SOURCE.forEach(
        (source, metrics) ->
            metrics.forEach(m -> usedBy.computeIfAbsent(m, k -> new TreeSet<>()).add(source)));
    Map<String, String> catalog = MetricsCatalog.read(MonitoringFiles.CATALOG);

    for (Map.Entry<String, TreeSet<String>> used : usedBy.entrySet()) {
      assertThat(catalog)
          .as("metrics-catalog.tsv lists %s (used by %s)", used.getKey(), used.getValue())
          .containsKey(used.getKey());
    }
    assertThat(usedBy.keySet())
        .as("metrics in metrics-catalog.tsv that no alert or panel uses any more")
        .containsAll(catalog.keySet());
  }

  @Test
  void everyCatalogEntryHasAProof() throws IOException {
    Map<String, String> catalog = MetricsCatalog.read(MonitoringFiles.CATALOG);
    catalog.forEach(
        (metric, proof) -> {
          if (proof.equals("prometheus")) {
            assertThat(metric).as("only 'up' is added by Prometheus itself").isEqualTo("up");
          } else if (proof.startsWith("timer:")) {
            String count = proof.substring("timer:".length());
            assertThat(count).as(metric).endsWith("_count");
            String base = count.substring(0, count.length() - "_count".length());
            assertThat(metric)
                .as(metric + " is a sibling of " + count)
                .isIn(base + "_sum", base + "_max");
            assertThat(catalog.get(count)).as(count + " is proved by a test").endsWith(".java");
          } else {
            Path test = MonitoringFiles.REPO.resolve(proof);
            assertThat(test).as(metric + " proof").exists();
            String source = readString(test);
            assertThat(source.contains("metrics-catalog.tsv") || source.contains(metric))
                .as("%s reads metrics-catalog.tsv or checks %s itself", proof, metric)
                .isTrue();
          }
        });
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Like query-api's OpenApiLintIT: the test installs its pinned tool, so verify just works. */
  private static void installParserIfMissing() throws IOException, InterruptedException {
    if (Files.exists(PARSER)) {
      return;
    }
    Process npm =
        new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
            .directory(CHECK.toFile())
            .inheritIO()
            .start();
    if (!npm.waitFor(5, TimeUnit.MINUTES)) {
      npm.destroyForcibly();
    }
    assertThat(PARSER).as("npm ci in " + CHECK + " installed the PromQL parser").exists();
  }
}
