package io.smartbuilding.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The alert rules are a PrometheusRule the operator accepts, and each alert tells the person paged
 * what happened and where its runbook section is.
 */
class AlertRulesTest {

  private static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");
  private static final Pattern HEADING =
      Pattern.compile("^#{1,6}\\s+(.+?)\\s*$", Pattern.MULTILINE);
  private static final Pattern DURATION = Pattern.compile("^(\\d+(ms|s|m|h|d|w|y))+$");

  @Test
  void isAPrometheusRuleResource() {
    JsonNode rules = MonitoringFiles.rules();
    assertThat(rules.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(rules.path("kind").asText()).isEqualTo("PrometheusRule");
    assertThat(rules.path("metadata").path("name").asText()).isNotBlank();
    for (JsonNode group : rules.path("spec").path("groups")) {
      assertThat(group.path("name").asText()).isNotBlank();
      assertThat(group.path("rules")).as(group.path("name").asText()).isNotEmpty();
    }
  }

  @Test
  void everyAlertHasASeverityASummaryADescriptionAndAValidFor() {
    List<JsonNode> alerts = MonitoringFiles.alerts();
    assertThat(alerts).hasSizeGreaterThanOrEqualTo(13);
    Set<String> names = new HashSet<>();
    for (JsonNode alert : alerts) {
      String name = alert.path("alert").asText();
      assertThat(name).as("every rule is an alert with a name").matches("[A-Z][A-Za-z0-9]+");
      assertThat(names.add(name)).as(name + " is defined once").isTrue();
      assertThat(alert.path("labels").path("severity").asText()).as(name).isIn(SEVERITIES);
      assertThat(alert.path("annotations").path("summary").asText()).as(name).isNotBlank();
      assertThat(alert.path("annotations").path("description").asText()).as(name).isNotBlank();
      assertThat(alert.path("for").asText("0m")).as(name + " for").matches(DURATION);
    }
  }

  @Test
  void everyRunbookLinkPointsToASectionOfTheRunbook() throws IOException {
    Set<String> anchors = anchors(Files.readString(MonitoringFiles.RUNBOOK));
    for (JsonNode alert : MonitoringFiles.alerts()) {
      String name = alert.path("alert").asText();
      String url = alert.path("annotations").path("runbook_url").asText();
      assertThat(url).as(name).startsWith("https://").contains("/docs/runbook.md#");
      String anchor = url.substring(url.indexOf('#') + 1);
      assertThat(anchor).as(name + " anchor is the alert name in lower case")
          .isEqualTo(name.toLowerCase(Locale.ROOT));
      assertThat(anchors).as("docs/runbook.md has a section for " + name).contains(anchor);
    }
  }

  @Test
  void theKustomizationShipsTheRulesAndTheDashboardForTheGrafanaSidecar() {
    JsonNode kustomization = MonitoringFiles.kustomization();
    for (JsonNode resource : kustomization.path("resources")) {
      assertThat(MonitoringFiles.MODULE.resolve(resource.asText())).exists();
    }
    assertThat(kustomization.path("resources").toString()).contains("smartbuilding-rules.yaml");
    JsonNode dashboards = kustomization.path("configMapGenerator").get(0);
    assertThat(dashboards.path("options").path("labels").path("grafana_dashboard").asText())
        .isEqualTo("1");
    for (JsonNode file : dashboards.path("files")) {
      assertThat(MonitoringFiles.MODULE.resolve(file.asText())).exists();
    }
    assertThat(dashboards.path("files").toString()).contains("smartbuilding-overview.json");
  }

  /** Heading anchors as GitHub renders them: lower case, punctuation dropped, spaces to '-'. */
  static Set<String> anchors(String markdown) {
    Set<String> anchors = new HashSet<>();
    // '#' lines inside code blocks are shell comments, not headings.
    Matcher m = HEADING.matcher(markdown.replaceAll("(?s)```.*?```", ""));
    while (m.find()) {
      anchors.add(
          m.group(1)
              .toLowerCase(Locale.ROOT)
              .replaceAll("[^\\p{L}\\p{N}\\s_-]", "")
              .replace(' ', '-'));
    }
    return anchors;
  }
}
