package io.smartbuilding.bench;

import io.smartbuilding.bench.load.ApiClient;
import io.smartbuilding.bench.load.BenchDevice;
import io.smartbuilding.bench.load.LatencyProbe;
import io.smartbuilding.bench.load.LoadPublisher;
import io.smartbuilding.bench.measure.GatewayCounters;
import io.smartbuilding.bench.measure.Percentiles;
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
 * catch up), audit the stream for losses and check every device's health through the API.
 */
final class RateStep {
  private static final int DRAIN_SECONDS = 60;

  private final LoadPublisher publisher;
  private final LatencyProbe probe;
  private final GatewayCounters gateway;
  private final StreamAudit audit;
  private final ApiClient api;
  private final Map<String, Long> pids;
  private final SustainRule rule;
  private long lostSoFar;
  private long duplicatesSoFar;

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
  }

  void warmUp(int rate, int seconds) throws Exception {
    if (seconds <= 0) {
      return;
    }
    SystemBenchCommand.say("warm-up: %d msgs/s for %d s (not measured)", rate, seconds);
    publish(rate, seconds, "warm-up", new ProcessSampler(pids));
    if (!drain()) {
      SystemBenchCommand.say("waiting up to %d s more for the warm-up's backlog", DRAIN_SECONDS);
      drain();
    }
  }

  StepResult run(int rate, int seconds) throws Exception {
    GatewayCounters.Snapshot before = gateway.read();
    long publishedBefore = publisher.published();
    long probeBefore = probe.publishedSeq();
    probe.startCounting();
    ProcessSampler sampler = new ProcessSampler(pids);
    List<Double> lags = publish(rate, seconds, "rate " + rate, sampler);
    GatewayCounters.Snapshot after = gateway.read();
    List<ProcessUsage> usage = sampler.finish();
    double machine = sampler.machineBusyCores();
    long probeMessages = probe.publishedSeq() - probeBefore;
    double published = (publisher.published() - publishedBefore) / (double) seconds;
    // The gateway's forwarded counter also counts the probe's 4 msgs/s: take them out.
    double accepted = Math.max(after.forwarded() - before.forwarded() - probeMessages, 0) / seconds;
    long backlog = Math.max(0, publisher.acked() + probe.publishedSeq() - (long) after.received());
    double lagEnd = lags.isEmpty() ? 0 : lags.get(lags.size() - 1);
    double lagSlope = Trend.slope(lags);
    List<Long> latencies = probe.drainLatencies();

    drain();
    audit.readNew();
    long lost = 0;
    int behind = 0;
    List<BenchDevice> devices = publisher.devices();
    for (int i = 0; i < devices.size(); i++) {
      lost += audit.missing(devices.get(i).deviceId(), publisher.ackedSeqs(i));
    }
    for (int i = 0; i < devices.size(); i++) {
      long expected = publisher.lastAckedSeq(i);
      if (expected > 0 && api.lastSeq(devices.get(i).deviceId()) < expected) {
        behind++;
      }
    }
    long stepLost = lost - lostSoFar;
    lostSoFar = lost;
    long stepDuplicates = audit.duplicates() - duplicatesSoFar;
    duplicatesSoFar = audit.duplicates();

    Percentiles p = Percentiles.of(latencies);
    int cores = Runtime.getRuntime().availableProcessors();
    Verdict verdict =
        rule.judge(
            new SustainRule.StepMeasures(
                rate, published, accepted, p.at(99), p.count(), lagEnd, lagSlope, stepLost, behind),
            usage,
            cores,
            machine);
    return new StepResult(
        rate,
        seconds,
        published,
        accepted,
        publisher.acked(),
        stepLost,
        stepDuplicates,
        behind,
        p.count(),
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
        Percentiles soFar = Percentiles.of(probe.latenciesSoFar());
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
   * reading.
   */
  private boolean drain() throws Exception {
    long target = probe.publishedSeq();
    long deadline = System.nanoTime() + DRAIN_SECONDS * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      GatewayCounters.Snapshot g = gateway.read();
      boolean gatewayDone = g.forwarded() + g.deadLettered() >= publisher.acked() + target;
      if (gatewayDone && probe.visibleSeq() >= target) {
        return true;
      }
      Thread.sleep(200);
    }
    SystemBenchCommand.say("drain: the pipeline did not catch up within %d s", DRAIN_SECONDS);
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
