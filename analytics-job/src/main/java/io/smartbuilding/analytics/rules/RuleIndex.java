package io.smartbuilding.analytics.rules;

import io.smartbuilding.contracts.telemetry.DeviceType;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule set's enabled rules per device type, and the limit of each metric's ABOVE rules: worked
 * out once per rule set, because every reading asks for them.
 */
public final class RuleIndex {

  private final RuleSet rules;
  private final Map<DeviceType, List<Rule>> byType = new EnumMap<>(DeviceType.class);
  private final Map<DeviceType, Map<String, Double>> lowestAbove = new EnumMap<>(DeviceType.class);

  public RuleIndex(RuleSet rules) {
    this.rules = rules;
    for (DeviceType type : DeviceType.values()) {
      List<Rule> enabled =
          rules.rules().stream().filter(r -> r.enabled() && r.appliesTo(type)).toList();
      Map<String, Double> limits = new HashMap<>();
      for (Rule rule : enabled) {
        if (rule.kind() == RuleKind.ABOVE) {
          limits.merge(rule.metric(), rule.threshold(), Math::min);
        }
      }
      byType.put(type, enabled);
      lowestAbove.put(type, limits);
    }
  }

  /** The rule set this index was built from. */
  public RuleSet rules() {
    return rules;
  }

  /** The enabled rules that apply to this device type, in the rule set's order. */
  public List<Rule> forType(DeviceType type) {
    return byType.get(type);
  }

  /** The lowest threshold of the enabled ABOVE rules on this metric for this type; null if none. */
  public Double lowestAbove(DeviceType type, String metric) {
    return lowestAbove.get(type).get(metric);
  }
}
