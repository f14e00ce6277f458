package io.smartbuilding.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SustainRuleTest {
  private final SustainRule rule = SustainRule.defaults();
  private final List<ProcessUsage> processes =
      List.of(
          new ProcessUsage("mosquitto", 0.05, 10),
          new ProcessUsage("kinesis", 0.30, 150),
          new ProcessUsage("ingest-gateway", 0.45, 220),
          new ProcessUsage("analytics-job", 0.70, 600),
          new ProcessUsage("dynamodb", 0.20, 120),
          new ProcessUsage("query-api", 0.05, 200));

  private static SustainRule.StepMeasures measures(
      double published, double accepted, long p99, double lagEnd, double lagSlope, long lost) {
    return new SustainRule.StepMeasures(
        1000, published, accepted, p99, 100, lagEnd, lagSlope, 0, true, lost, 0);
  }

  @Test
  void aRateTheStackKeepsUpWithIsSustained() {
    Verdict v = rule.judge(measures(1000, 985, 1500, 0.9, 0.001, 0), processes, 2, 1.2);
    assertThat(v.sustained()).isTrue();
    assertThat(v.reasons()).isEmpty();
  }

  @Test
  void theGatewayStoringTooLittleNamesTheBusiestIngestProcess() {
    Verdict v = rule.judge(measures(1000, 800, 1500, 0.9, 0.0, 0), processes, 2, 1.2);
    assertThat(v.sustained()).isFalse();
    assertThat(v.reasons()).singleElement().asString().contains("800 of 1000");
    // analytics-job is busier, but it is not in the ingest stage
    assertThat(v.bottleneck()).startsWith("ingest-gateway (0.45 cores)");
  }

  @Test
  void aGrowingLagNamesTheBusiestProcessingProcess() {
    Verdict v = rule.judge(measures(1000, 1000, 9000, 12.0, 0.4, 0), processes, 2, 1.2);
    assertThat(v.sustained()).isFalse();
    assertThat(v.reasons()).singleElement().asString().contains("lag grew");
    assertThat(v.bottleneck()).startsWith("analytics-job (0.70 cores)");
  }

  @Test
  void aSmallSteadyLagIsNotAFailureButAHighP99Is() {
    assertThat(rule.judge(measures(1000, 1000, 2000, 4.0, 0.2, 0), processes, 2, 1.0).sustained())
        .isTrue();
    Verdict slow = rule.judge(measures(1000, 1000, 12_000, 1.0, 0.0, 0), processes, 2, 1.0);
    assertThat(slow.reasons()).singleElement().asString().contains("p99 latency 12000 ms");
  }

  @Test
  void anyLossFailsTheRate() {
    Verdict v = rule.judge(measures(1000, 1000, 1000, 1.0, 0.0, 3), processes, 2, 1.0);
    assertThat(v.sustained()).isFalse();
    assertThat(v.reasons()).singleElement().asString().contains("lost 3 messages");
  }

  @Test
  void aSaturatedMachineIsSaidAsSuchWithTheLargestShare() {
    Verdict v = rule.judge(measures(1000, 700, 1500, 1.0, 0.0, 0), processes, 2, 1.95);
    assertThat(v.bottleneck())
        .startsWith("CPU: the machine's 2 cores were 98 % busy")
        .contains("largest share analytics-job (0.70 cores)")
        .contains("busiest in the ingest stage: ingest-gateway");
    Verdict sameProcess = rule.judge(measures(1000, 1000, 12_000, 1.0, 0.0, 0), processes, 2, 1.95);
    assertThat(sameProcess.bottleneck())
        .isEqualTo(
            "CPU: the machine's 2 cores were 98 % busy; largest share analytics-job (0.70 cores),"
                + " in the processing stage");
  }

  @Test
  void aProcessAtAboutOneCoreIsCalledASingleThreadedLimit() {
    List<ProcessUsage> oneCore =
        List.of(
            new ProcessUsage("kinesis", 0.97, 150), new ProcessUsage("ingest-gateway", 0.3, 200));
    Verdict v = rule.judge(measures(1000, 600, 1500, 1.0, 0.0, 0), oneCore, 4, 1.5);
    assertThat(v.bottleneck())
        .isEqualTo("kinesis (0.97 cores), about one core: a single-threaded stage at its limit");
  }

  @Test
  void aStepWhoseDrainDidNotCatchUpIsNotSustainedWithoutCountingItsQueueAsLost() {
    SustainRule.StepMeasures notDrained =
        new SustainRule.StepMeasures(1000, 1000, 990, 1500, 100, 1.0, 0.0, 0, false, -1, -1);
    Verdict v = rule.judge(notDrained, processes, 2, 1.0);
    assertThat(v.sustained()).isFalse();
    assertThat(v.reasons()).singleElement().asString().startsWith("not drained");
  }

  @Test
  void failedSendsFailTheRateEvenWhenTheRestKeptUp() {
    SustainRule.StepMeasures failed =
        new SustainRule.StepMeasures(1000, 1000, 1000, 1500, 100, 1.0, 0.0, 7, true, 0, 0);
    Verdict v = rule.judge(failed, processes, 2, 1.0);
    assertThat(v.sustained()).isFalse();
    assertThat(v.reasons()).singleElement().asString().startsWith("7 sends failed");
    assertThat(v.bottleneck()).startsWith("ingest-gateway");
  }
}
