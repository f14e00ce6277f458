package io.smartbuilding.bench;

import io.smartbuilding.bench.load.ApiClient;
import io.smartbuilding.bench.load.BenchDevice;
import io.smartbuilding.bench.load.LatencyProbe;
import io.smartbuilding.bench.load.LoadPublisher;
import io.smartbuilding.bench.measure.GatewayCounters;
import io.smartbuilding.bench.measure.LossLedger;
import io.smartbuilding.bench.measure.Percentiles;
import io.smartbuilding.bench.measure.ProbeSamples;
import io.smartbuilding.bench.measure.ProcessSampler;
import io.smartbuilding.bench.measure.StreamAudit;
import io.smartbuilding.bench.measure.Trend;
import io.smartbuilding.bench.report.ProcessUsage;
import io.smartbuilding.bench.report.StepResult;
import io.smartbuilding.bench.report.SustainRule;
import io.smartbuilding.bench.report.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One rate: publish for the step, print a progress line a second, then drain (let the pipeline
 * catch up), audit the stream for losses and check every device's health through the API. A step
 * whose drain does not catch up is not sustained and its losses are not settled then (messages
 * still queued would count as lost): {@link #finish} settles them after a long drain at the end.
 */
final class RateStep {
  static final int DRAIN_SECONDS = 60;

  private final LoadPublisher publisher;
  private final LatencyProbe probe;
  private final GatewayCounters gateway;
  private final StreamAudit audit;
  private final ApiClient api;
  private final Map<String, Long> pids;
  private final SustainRule rule;
  private final LossLedger ledger;
  private final List<Integer> stepClaims = new ArrayList<>();
  private int warmUpClaim = -1;
  private long duplicatesSoFar;

  /** What the final audit found: the steps with their losses settled, and the run's totals. */
  record FinalAudit(
      List<StepResult> steps, long warmUpLost, long lost, boolean drained, int healthBehind) {}

  RateStep(
      LoadPublisher publisher,
      LatencyProbe probe,
      GatewayCounters gateway,
      StreamAudit audit,
      ApiClient api,
      Map<String, Long> pids,
      SustainRule rule) {
    this.publisher = publisher;
    this.probe = probe;
    this.gateway = gateway;
    this.audit = audit;
    this.api = api;
    this.pids = pids;
    this.rule = rule;
    this.ledger = new LossLedger(publisher.devices().size());
  }

  void warmUp(int rate, int seconds) throws Exception {
    if (seconds <= 0) {
      return;
    }
    SystemBenchCommand.say("warm-up: %d msgs/s for %d s (not measured)", rate, seconds);
    publish(rate, seconds, "warm-up", new ProcessSampler(pids));
    boolean drained = drain(DRAIN_SECONDS);
    if (!drained) {
      SystemBenchCommand.say("waiting up to %d s more for the warm-up's backlog", DRAIN_SECONDS);
      drained = drain(DRAIN_SECONDS);
    }
    warmUpClaim = ledger.claim(publisher.ackedSeqs());
    if (drained) {
      audit.readNew();
      long lost = ledger.settle(warmUpClaim, this::missing);
      if (lost > 0) {
        SystemBenchCommand.say("warm-up: lost %d acknowledged messages", lost);
      }
    }
  }

  StepResult run(int rate, int seconds) throws Exception {
    GatewayCounters.Snapshot before = gateway.read();
    long publishedBefore = publisher.published();
    long failedBefore = publisher.failed();
    long skippedBefore = publisher.skipped();
    long probeFrom = probe.publishedSeq() + 1;
    ProcessSampler sampler = new ProcessSampler(pids);
    List<Double> lags = publish(rate, seconds, "rate " + rate, sampler);
    GatewayCounters.Snapshot after = gateway.read();
    long probeTo = probe.publishedSeq();
    List<ProcessUsage> usage = sampler.finish();
    double machine = sampler.machineBusyCores();
    long probeMessages = Math.max(probeTo - probeFrom + 1, 0);
    double published = (publisher.published() - publishedBefore) / (double) seconds;
    // The gateway's forwarded counter also counts the probe's 4 msgs/s: take them out.
    double accepted = Math.max(after.forwarded() - before.forwarded() - probeMessages, 0) / seconds;
    long backlog = Math.max(0, publisher.acked() + probe.publishedSeq() - (long) after.received());
    double lagEnd = lags.isEmpty() ? 0 : lags.get(lags.size() - 1);
    double lagSlope = Trend.slope(lags);

    boolean drained = drain(DRAIN_SECONDS);
    // Every probe reading of the step gives a sample, the slow ones included: those still not
    // readable now count at (now - publish time), a lower bound.
    ProbeSamples samples = probe.samples(probeFrom, probeTo, System.nanoTime());
    long failed = publisher.failed() - failedBefore;
    long skipped = publisher.skipped() - skippedBefore;
    int claim = ledger.claim(publisher.ackedSeqs());
    stepClaims.add(claim);
    long lost = -1;
    int behind = -1;
    if (drained) {
      audit.readNew();
      lost = ledger.settle(claim, this::missing);
      behind = healthBehind();
    }
    long stepDuplicates = audit.duplicates() - duplicatesSoFar;
    duplicatesSoFar = audit.duplicates();

    Percentiles p = Percentiles.of(samples.latenciesMs());
    Verdict verdict =
        rule.judge(
            new SustainRule.StepMeasures(
                rate,
                published,
                accepted,
                p.at(99),
                p.count(),
                lagEnd,
                lagSlope,
                failed,
                drained,
                lost,
                behind),
            usage,
            ProcessSampler.machineCpus(),
            machine);
    return new StepResult(
        rate,
        seconds,
        published,
        accepted,
        failed,
        skipped,
        publisher.acked(),
        drained,
        lost,
        stepDuplicates,
        behind,
        p.count(),
        samples.censored(),
        p.at(50),
        p.at(95),
        p.at(99),
        lagEnd,
        lagSlope,
        backlog,
        machine,
        usage,
        verdict);
  }

  /**
   * Settles what the steps left open: waits up to {@code drainSeconds} for the pipeline, reads the
   * rest of the stream, counts each open step's missing messages against that step and checks
   * every device's health once more. {@code steps} are the results of {@link #run}, in order.
   */
  FinalAudit finish(List<StepResult> steps, int drainSeconds) throws Exception {
    List<Integer> open = ledger.unsettled();
    if (open.isEmpty()) {
      long warmUpLost = warmUpClaim < 0 ? 0 : ledger.lost(warmUpClaim);
      long lost = warmUpLost + steps.stream().mapToLong(r -> Math.max(r.lost(), 0)).sum();
      return new FinalAudit(steps, warmUpLost, lost, true, 0);
    }
    SystemBenchCommand.say(
        "final audit: %d messages of %d step(s) not settled yet; draining up to %d s",
        ledger.pending(), open.size(), drainSeconds);
    boolean drained = drain(drainSeconds);
    audit.readNew();
    // Acknowledgements that came in after the last step's claim are looked for too.
    int late = ledger.claim(publisher.ackedSeqs());
    for (int claim : ledger.unsettled()) {
      ledger.settle(claim, this::missing);
    }
    List<StepResult> settled = new ArrayList<>(steps);
    for (int i = 0; i < settled.size() && i < stepClaims.size(); i++) {
      int claim = stepClaims.get(i);
      if (open.contains(claim)) {
        settled.set(i, settled.get(i).withSettledLoss(ledger.lost(claim)));
      }
    }
    long warmUpLost = warmUpClaim < 0 ? 0 : ledger.lost(warmUpClaim);
    long lateLost = ledger.lost(late);
    if (lateLost > 0) {
      SystemBenchCommand.say(
          "final audit: lost %d messages acknowledged after the last step's drain", lateLost);
    }
    long lost =
        warmUpLost + lateLost + settled.stream().mapToLong(r -> Math.max(r.lost(), 0)).sum();
    int behind = healthBehind();
    if (!drained) {
      SystemBenchCommand.say(
          "final audit: the pipeline did not catch up within %d s, so 'lost' includes messages"
              + " that may still be queued",
          drainSeconds);
    }
    SystemBenchCommand.say(
        "final audit: lost %d acknowledged messages in all, %d devices' health behind",
        lost, behind);
    return new FinalAudit(settled, warmUpLost, lost, drained, behind);
  }

  private long missing(int deviceIndex, java.util.BitSet seqs) {
    return audit.missing(publisher.devices().get(deviceIndex).deviceId(), seqs);
  }

  /** Load devices whose health, read through the API, does not show their last acknowledged seq. */
  private int healthBehind() throws Exception {
    int behind = 0;
    List<BenchDevice> devices = publisher.devices();
    for (int i = 0; i < devices.size(); i++) {
      long expected = publisher.lastAckedSeq(i);
      if (expected > 0 && api.lastSeq(devices.get(i).deviceId()) < expected) {
        behind++;
      }
    }
    return behind;
  }

  /** Publishes for the step on a thread of its own and prints a progress line every second. */
  private List<Double> publish(int rate, int seconds, String label, ProcessSampler sampler)
      throws Exception {
    List<Double> lags = new ArrayList<>();
    Thread load =
        new Thread(
            () -> {
              try {
                publisher.run(rate, seconds);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "load-publisher");
    long probeFrom = probe.publishedSeq() + 1;
    sampler.start();
    long startPublished = publisher.published();
    GatewayCounters.Snapshot previous = gateway.read();
    load.start();
    try {
      for (int tick = 1; load.isAlive(); tick++) {
        load.join(1000);
        if (!load.isAlive()) {
          break; // the step is over; its totals follow
        }
        Map<String, Double> cpu = sampler.sample();
        GatewayCounters.Snapshot now = gateway.read();
        double lag = probe.lagSeconds();
        lags.add(lag);
        int elapsed = tick;
        Percentiles soFar =
            Percentiles.of(
                probe.samples(probeFrom, probe.visibleSeq(), System.nanoTime()).latenciesMs());
        StringBuilder line =
            new StringBuilder(
                String.format(
                    Locale.ROOT,
                    "[%s] %3d/%ds sent %d (%d/s) stored %.0f/s lag %.1fs p50 %s",
                    label,
                    elapsed,
                    seconds,
                    publisher.published() - startPublished,
                    (publisher.published() - startPublished) / elapsed,
                    now.forwarded() - previous.forwarded(),
                    lag,
                    soFar.count() == 0 ? "-" : soFar.at(50) + "ms"));
        line.append(" cpu");
        cpu.forEach(
            (name, cores) ->
                line.append(String.format(Locale.ROOT, " %s %.2f", shortName(name), cores)));
        System.out.println(line);
        previous = now;
      }
    } finally {
      publisher.stop();
      load.join();
    }
    if (!probe.lastError().isEmpty()) {
      SystemBenchCommand.say("last probe error: %s", probe.lastError());
    }
    return lags;
  }

  /**
   * Waits until the gateway stored what was acknowledged and the API shows the probe's newest
   * reading; false when that did not happen within {@code seconds}.
   */
  private boolean drain(int seconds) throws Exception {
    long target = probe.publishedSeq();
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      GatewayCounters.Snapshot g = gateway.read();
      boolean gatewayDone = g.forwarded() + g.deadLettered() >= publisher.acked() + target;
      if (gatewayDone && probe.visibleSeq() >= target) {
        return true;
      }
      Thread.sleep(200);
    }
    SystemBenchCommand.say("drain: the pipeline did not catch up within %d s", seconds);
    return false;
  }

  private static String shortName(String process) {
    return switch (process) {
      case "mosquitto" -> "mqtt";
      case "kinesis" -> "kin";
      case "dynamodb" -> "ddb";
      case "ingest-gateway" -> "gw";
      case "analytics-job" -> "job";
      case "query-api" -> "api";
      case "system-bench" -> "bench";
      default -> process;
    };
  }
}
