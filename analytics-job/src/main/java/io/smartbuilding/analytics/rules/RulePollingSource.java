package io.smartbuilding.analytics.rules;

import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.source.RichSourceFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a {@link RuleStore} every poll interval and emits the whole rule set when it changed; the
 * job broadcasts it to every device-health task. Runs with parallelism 1.
 *
 * <p>Metrics: {@value #RULES_LOADED_METRIC} (enabled rules in the current set), {@value
 * #INVALID_RULES_METRIC} (stored rules skipped in the latest read) and {@value
 * #LOAD_FAILURES_METRIC}. A read that fails is logged and retried at the next poll; the job keeps
 * the rules it has.
 */
@SuppressWarnings("deprecation") // RichSourceFunction: a poll loop is all this needs
public class RulePollingSource extends RichSourceFunction<RuleSet> {

  public static final String RULES_LOADED_METRIC = "rulesLoaded";
  public static final String INVALID_RULES_METRIC = "invalidRules";
  public static final String LOAD_FAILURES_METRIC = "ruleLoadFailures";

  private static final Logger LOG = LoggerFactory.getLogger(RulePollingSource.class);

  private final RuleStore store;
  private final long pollMillis;
  private volatile boolean running = true;
  private transient volatile int rulesLoaded;
  private transient volatile int invalidRules;
  private transient Counter loadFailures;

  public RulePollingSource(RuleStore store, Duration pollInterval) {
    this.store = store;
    this.pollMillis = pollInterval.toMillis();
  }

  @Override
  public void open(OpenContext openContext) {
    getRuntimeContext().getMetricGroup().gauge(RULES_LOADED_METRIC, () -> rulesLoaded);
    getRuntimeContext().getMetricGroup().gauge(INVALID_RULES_METRIC, () -> invalidRules);
    loadFailures = getRuntimeContext().getMetricGroup().counter(LOAD_FAILURES_METRIC);
  }

  @Override
  public void run(SourceContext<RuleSet> ctx) throws Exception {
    RuleSet last = null;
    List<String> lastInvalid = List.of();
    while (running) {
      try {
        LoadedRules loaded = store.load();
        if (!loaded.invalid().equals(lastInvalid)) {
          loaded.invalid().forEach(problem -> LOG.warn("Skipping {}", problem));
          lastInvalid = loaded.invalid();
        }
        invalidRules = loaded.invalid().size();
        if (!loaded.rules().equals(last)) {
          last = loaded.rules();
          rulesLoaded = last.enabledCount();
          LOG.info("Rules changed: {} rules, {} enabled", last.rules().size(), rulesLoaded);
          synchronized (ctx.getCheckpointLock()) {
            ctx.collect(last);
          }
        }
      } catch (Exception e) {
        loadFailures.inc();
        LOG.warn("Cannot read the rules, keeping the current ones: {}", e.toString());
      }
      sleep();
    }
  }

  private void sleep() throws InterruptedException {
    long until = System.currentTimeMillis() + pollMillis;
    while (running && System.currentTimeMillis() < until) {
      Thread.sleep(Math.min(100, pollMillis));
    }
  }

  @Override
  public void cancel() {
    running = false;
  }

  @Override
  public void close() throws Exception {
    if (store instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}
