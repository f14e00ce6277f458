package io.smartbuilding.analytics.rules;

import java.util.List;

/**
 * One read of a rule store.
 *
 * @param rules the valid rules; the built-in defaults when the store holds no rule at all
 * @param invalid one message per stored rule that was skipped
 */
public record LoadedRules(RuleSet rules, List<String> invalid) {
  public LoadedRules {
    invalid = List.copyOf(invalid);
  }
}
