package io.smartbuilding.analytics.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartbuilding.contracts.alert.AlertType;
import io.smartbuilding.contracts.alert.Severity;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.DefaultOpenContext;
import org.apache.flink.streaming.api.functions.source.SourceFunction;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.MockStreamingRuntimeContext;
import org.junit.jupiter.api.Test;

/** The rules source emits a rule set only when it changed, and survives a failed read. */
class RulePollingSourceTest {

  private static final Rule A =
      new Rule(
          "A",
          "*",
          "temperatureC",
          RuleKind.ABOVE,
          AlertType.THRESHOLD,
          30,
          1,
          0,
          Severity.INFO,
          true,
          "");
  private static final Rule B =
      new Rule(
          "B",
          "*",
          "co2Ppm",
          RuleKind.ABOVE,
          AlertType.THRESHOLD,
          900,
          1,
          0,
          Severity.INFO,
          true,
          "");

  @Test
  @SuppressWarnings("deprecation")
  void emitsTheFirstReadAndThenOnlyChanges() throws Exception {
    // each read takes the next answer; the last one repeats
    BlockingQueue<Object> answers = new LinkedBlockingQueue<>();
    answers.add(loaded(A));
    answers.add(loaded(A)); // unchanged: nothing emitted
    answers.add(new IllegalStateException("table unreachable")); // kept going
    answers.add(new LoadedRules(new RuleSet(List.of(A, B)), List.of("invalid rule X: ...")));
    ScriptedStore store = new ScriptedStore(answers);
    RulePollingSource source = new RulePollingSource(store, Duration.ofMillis(10));
    source.setRuntimeContext(new MockStreamingRuntimeContext(false, 1, 0));
    source.open(DefaultOpenContext.INSTANCE);
    List<RuleSet> emitted = new CopyOnWriteArrayList<>();
    Thread runner =
        new Thread(
            () -> {
              try {
                source.run(new Collecting(emitted));
              } catch (Exception e) {
                throw new RuntimeException(e);
              }
            });
    runner.start();

    await().atMost(Duration.ofSeconds(10)).until(() -> emitted.size() == 2);
    // the repeated last answer must not be emitted again: wait until it was read a few times
    await().atMost(Duration.ofSeconds(10)).until(() -> LOADS.get() >= 7);
    source.cancel();
    runner.join(5_000);

    assertThat(emitted).containsExactly(new RuleSet(List.of(A)), new RuleSet(List.of(A, B)));
    assertThat(runner.isAlive()).isFalse();
    assertThat(LOADS.get()).isGreaterThanOrEqualTo(7);
  }

  // static: the source may serialize its store, a field of the copy would not count here
  private static final AtomicInteger LOADS = new AtomicInteger();

  private static LoadedRules loaded(Rule... rules) {
    return new LoadedRules(new RuleSet(List.of(rules)), List.of());
  }

  private static final class ScriptedStore implements RuleStore {
    private final transient BlockingQueue<Object> answers;
    private transient Object last;

    ScriptedStore(BlockingQueue<Object> answers) {
      this.answers = answers;
    }

    @Override
    public LoadedRules load() {
      LOADS.incrementAndGet();
      Object next = answers.poll();
      if (next == null) {
        next = last;
      }
      last = next;
      if (next instanceof RuntimeException e) {
        throw e;
      }
      return (LoadedRules) next;
    }
  }

  @SuppressWarnings("deprecation")
  private record Collecting(List<RuleSet> out) implements SourceFunction.SourceContext<RuleSet> {
    private static final Object LOCK = new Object();

    @Override
    public void collect(RuleSet element) {
      out.add(element);
    }

    @Override
    public void collectWithTimestamp(RuleSet element, long timestamp) {
      out.add(element);
    }

    @Override
    public void emitWatermark(Watermark mark) {}

    @Override
    public void markAsTemporarilyIdle() {}

    @Override
    public Object getCheckpointLock() {
      return LOCK;
    }

    @Override
    public void close() {}
  }
}
