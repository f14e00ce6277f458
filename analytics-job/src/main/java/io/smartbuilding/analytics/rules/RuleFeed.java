package io.smartbuilding.analytics.rules;

import org.apache.flink.streaming.api.functions.source.SourceFunction;

/**
 * Where the job's rules come from.
 *
 * @param initial the rules in force until the first broadcast arrives (and without restored state):
 *     read from the store when the job is built, so readings processed in the first moments are not
 *     judged by other rules
 * @param updates emits the whole rule set whenever it changes
 */
@SuppressWarnings("deprecation")
public record RuleFeed(RuleSet initial, SourceFunction<RuleSet> updates) {

  /** Fixed rules: nothing is ever broadcast. */
  public static RuleFeed fixed(RuleSet rules) {
    return new RuleFeed(rules, new NoUpdates());
  }

  private static final class NoUpdates implements SourceFunction<RuleSet> {
    @Override
    public void run(SourceContext<RuleSet> ctx) {}

    @Override
    public void cancel() {}
  }
}
