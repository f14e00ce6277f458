package io.smartbuilding.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Grafana dashboard is a model Grafana imports as is, in any Prometheus data source. */
class DashboardTest {

  private static final String DATASOURCE = "${datasource}";

  @Test
  void isADashboardModelWithAUidAndSchemaVersion() {
    JsonNode dashboard = MonitoringFiles.dashboard();
    assertThat(dashboard.path("uid").asText()).isEqualTo("smartbuilding-overview");
    assertThat(dashboard.path("title").asText()).isNotBlank();
    assertThat(dashboard.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(36);
  }

  @Test
  void letsTheUserPickThePrometheusDataSource() {
    List<JsonNode> variables = new ArrayList<>();
    MonitoringFiles.dashboard().path("templating").path("list").forEach(variables::add);
    assertThat(variables)
        .anySatisfy(
            v -> {
              assertThat(v.path("name").asText()).isEqualTo("datasource");
              assertThat(v.path("type").asText()).isEqualTo("datasource");
              assertThat(v.path("query").asText()).isEqualTo("prometheus");
            });
  }

  @Test
  void panelIdsAreUnique() {
    Set<Integer> seen = new HashSet<>();
    for (JsonNode panel : MonitoringFiles.panels()) {
      assertThat(panel.has("id")).as("panel '%s' has an id", panel.path("title")).isTrue();
      assertThat(seen.add(panel.path("id").asInt()))
          .as("panel id %s is used once", panel.path("id"))
          .isTrue();
    }
  }

  @Test
  void everyGraphQueriesTheChosenDataSource() {
    List<JsonNode> graphs =
        MonitoringFiles.panels().stream()
            .filter(p -> !"row".equals(p.path("type").asText()))
            .toList();
    assertThat(graphs).hasSizeGreaterThan(10);
    for (JsonNode panel : graphs) {
      String title = panel.path("title").asText();
      assertThat(panel.path("datasource").path("uid").asText()).as(title).isEqualTo(DATASOURCE);
      assertThat(panel.path("gridPos").path("w").asInt()).as(title + " width").isBetween(1, 24);
      assertThat(panel.path("targets")).as(title + " targets").isNotEmpty();
      Set<String> refIds = new HashSet<>();
      for (JsonNode target : panel.path("targets")) {
        assertThat(target.path("expr").asText()).as(title + " expr").isNotBlank();
        assertThat(target.path("datasource").path("uid").asText())
            .as(title + " target data source")
            .isEqualTo(DATASOURCE);
        assertThat(refIds.add(target.path("refId").asText())).as(title + " refIds unique").isTrue();
      }
    }
  }
}
