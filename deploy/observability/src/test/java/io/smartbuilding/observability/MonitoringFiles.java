package io.smartbuilding.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The module's dashboard and alert rules, read the way Grafana and Prometheus read them. */
final class MonitoringFiles {

  static final Path MODULE = Path.of("").toAbsolutePath();
  static final Path REPO = MODULE.resolve("../..").normalize();
  static final Path DASHBOARD = MODULE.resolve("grafana/smartbuilding-overview.json");
  static final Path RULES = MODULE.resolve("prometheus/smartbuilding-rules.yaml");
  static final Path KUSTOMIZATION = MODULE.resolve("kustomization.yaml");
  static final Path CATALOG = MODULE.resolve("metrics-catalog.tsv");
  static final Path RUNBOOK = REPO.resolve("docs/runbook.md");

  /**
   * Grafana replaces these before a query reaches Prometheus; the stand-ins are what the variables
   * typically become, so the parser sees the same syntax Prometheus will.
   */
  private static final Map<String, String> GRAFANA_VARIABLES =
      Map.of("$__rate_interval", "2m", "$__interval", "30s", "$__range", "3h");

  /** One PromQL expression and where it comes from (for messages). */
  record Expression(String source, String expr) {}

  private MonitoringFiles() {}

  static JsonNode dashboard() {
    return read(new ObjectMapper(), DASHBOARD);
  }

  static JsonNode rules() {
    return read(new ObjectMapper(new YAMLFactory()), RULES);
  }

  static JsonNode kustomization() {
    return read(new ObjectMapper(new YAMLFactory()), KUSTOMIZATION);
  }

  /** Every alert rule, across groups. */
  static List<JsonNode> alerts() {
    List<JsonNode> alerts = new ArrayList<>();
    for (JsonNode group : rules().path("spec").path("groups")) {
      group.path("rules").forEach(alerts::add);
    }
    return alerts;
  }

  /** Every panel, rows' nested panels included. */
  static List<JsonNode> panels() {
    List<JsonNode> panels = new ArrayList<>();
    for (JsonNode panel : dashboard().path("panels")) {
      panels.add(panel);
      panel.path("panels").forEach(panels::add);
    }
    return panels;
  }

  /** The expressions of all alert rules and dashboard targets, Grafana variables replaced. */
  static List<Expression> expressions() {
    List<Expression> expressions = new ArrayList<>();
    for (JsonNode alert : alerts()) {
      expressions.add(
          new Expression("alert " + alert.path("alert").asText(), alert.path("expr").asText()));
    }
    for (JsonNode panel : panels()) {
      for (JsonNode target : panel.path("targets")) {
        String expr = target.path("expr").asText();
        for (Map.Entry<String, String> v : GRAFANA_VARIABLES.entrySet()) {
          expr = expr.replace(v.getKey(), v.getValue());
        }
        String source =
            "panel " + panel.path("id").asInt() + " '" + panel.path("title").asText() + "' "
                + target.path("refId").asText();
        expressions.add(new Expression(source, expr));
      }
    }
    return expressions;
  }

  private static JsonNode read(ObjectMapper mapper, Path file) {
    try {
      return mapper.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + file, e);
    }
  }
}
