package io.smartbuilding.analytics.rules;

import java.util.List;

/** A stored rule that cannot be applied; the job logs and counts it, and skips it. */
public class InvalidRuleException extends IllegalArgumentException {
  public InvalidRuleException(String ruleId, List<String> problems) {
    super(
        "invalid rule "
            + (ruleId == null ? "(no ruleId)" : ruleId)
            + ": "
            + String.join("; ", problems));
  }
}
