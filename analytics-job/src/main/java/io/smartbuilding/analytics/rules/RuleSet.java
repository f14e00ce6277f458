package io.smartbuilding.analytics.rules;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/** Every rule the job applies, as broadcast to each device-health task. */
public record RuleSet(@TypeInfo(RuleListTypeInfoFactory.class) List<Rule> rules)
    implements Serializable {

  public RuleSet {
    rules = List.copyOf(rules);
  }

  public Map<String, Rule> byId() {
    Map<String, Rule> byId = new LinkedHashMap<>();
    rules.forEach(r -> byId.put(r.ruleId(), r));
    return byId;
  }

  public int enabledCount() {
    return (int) rules.stream().filter(Rule::enabled).count();
  }
}
