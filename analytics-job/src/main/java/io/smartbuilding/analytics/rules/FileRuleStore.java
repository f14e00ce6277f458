package io.smartbuilding.analytics.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Rules from a local JSON file (for runs without a rules table): an array of objects with the rules
 * table's attribute names, e.g. {@code [{"ruleId": "OVERHEAT", "deviceType": "*", "metric":
 * "temperatureC", "kind": "ABOVE", "alertType": "OVERHEAT", "threshold": 60, "hysteresis": 2,
 * "severity": "CRITICAL"}]}. The file is read again at every poll, so editing it changes the rules
 * of the running job.
 */
public final class FileRuleStore implements RuleStore {

  private final String path;

  public FileRuleStore(Path path) {
    this.path = path.toString();
  }

  @Override
  public LoadedRules load() throws Exception {
    JsonNode root = new ObjectMapper().readTree(Files.readAllBytes(Path.of(path)));
    if (!root.isArray()) {
      throw new IllegalArgumentException(path + ": expected a JSON array of rules");
    }
    List<Rule> rules = new ArrayList<>();
    List<String> invalid = new ArrayList<>();
    for (JsonNode node : root) {
      try {
        rules.add(fields(node).toRule());
      } catch (IllegalArgumentException e) {
        invalid.add(e.getMessage());
      }
    }
    // two rules with one id: which one is meant cannot be told, so neither applies
    Map<String, Long> perId =
        rules.stream().collect(Collectors.groupingBy(Rule::ruleId, Collectors.counting()));
    perId.forEach(
        (id, n) -> {
          if (n > 1) {
            invalid.add("rule " + id + ": ruleId appears " + n + " times in the file");
          }
        });
    List<Rule> unique = rules.stream().filter(r -> perId.get(r.ruleId()) == 1).toList();
    return new LoadedRules(new RuleSet(unique), invalid);
  }

  private static RuleFields fields(JsonNode node) {
    return new RuleFields() {
      @Override
      String text(String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v.asText();
      }

      @Override
      Double number(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
          return null;
        }
        return v.isNumber() ? v.doubleValue() : Double.NaN;
      }

      @Override
      Boolean bool(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
          return null;
        }
        if (v.isBoolean()) {
          return v.booleanValue();
        }
        return v.isTextual() ? parseBoolean(v.asText()) : null;
      }

      @Override
      boolean present(String name) {
        JsonNode v = node.get(name);
        return v != null && !v.isNull();
      }
    };
  }
}
