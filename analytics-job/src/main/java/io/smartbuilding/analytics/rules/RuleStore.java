package io.smartbuilding.analytics.rules;

import java.io.Serializable;

/** Where rules are kept: the rules table, or a local file. */
public interface RuleStore extends Serializable {

  /**
   * Reads every rule. Invalid rules are skipped and reported in the result; an error reaching the
   * store is thrown.
   */
  LoadedRules load() throws Exception;
}
