package io.smartbuilding.bench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a step sustained its rate, and names the bottleneck when it did not.
 *
 * <p>A rate is not sustained when the publisher could not offer it, the gateway stored less than
 * {@code minAcceptedShare} of it, the pipeline fell behind (the API's newest reading ages
 * steadily), p99 latency passed the bound, a send failed, the drain after the step did not catch
 * up within its time, or anything was lost. The bottleneck is the busiest
 * process of the stage that fell short (ingest: broker, gateway, Kinesis; processing: Flink job,
 * DynamoDB, Kinesis reads), with a note when the machine as a whole had no CPU left: on a shared
 * 2-core box that is the usual answer and the per-process share says who used it.
 */
public record SustainRule(
    double minAcceptedShare, long maxP99Ms, double maxLagSlope, double maxLagSeconds) {

  static final Set<String> INGEST = Set.of("mosquitto", "ingest-gateway", "kinesis");
  static final Set<String> PROCESSING = Set.of("analytics-job", "dynamodb", "kinesis", "query-api");

  /** Above this share of all cores busy, the machine itself is the limit. */
  static final double SATURATED_SHARE = 0.9;

  public static SustainRule defaults() {
    return new SustainRule(0.95, 10_000, 0.05, 5.0);
  }

  public Verdict judge(
      StepMeasures m, List<ProcessUsage> processes, int cores, double machineBusyCores) {
    List<String> reasons = new ArrayList<>();
    boolean ingestShort = false;
    boolean processingShort = false;
    if (m.publishedRate() < minAcceptedShare * m.offeredRate()) {
      reasons.add(
          String.format(
              "the publisher got out only %.0f of %d msgs/s", m.publishedRate(), m.offeredRate()));
      ingestShort = true;
    }
    if (m.acceptedRate() < minAcceptedShare * m.offeredRate()) {
      reasons.add(
          String.format(
              "the gateway stored only %.0f of %d msgs/s", m.acceptedRate(), m.offeredRate()));
      ingestShort = true;
    }
    if (m.lagSlope() > maxLagSlope && m.lagEndSeconds() > maxLagSeconds) {
      reasons.add(
          String.format("lag grew %.2f s per s to %.1f s", m.lagSlope(), m.lagEndSeconds()));
      processingShort = true;
    }
    if (m.p99Ms() > maxP99Ms) {
      reasons.add(String.format("p99 latency %d ms > %d ms", m.p99Ms(), maxP99Ms));
      processingShort = true;
    }
    if (m.latencySamples() == 0) {
      reasons.add("no probe reading became readable through the API");
      processingShort = true;
    }
    if (m.failed() > 0) {
      reasons.add(
          String.format(
              "%d sends failed (client not connected or not acknowledged)", m.failed()));
      ingestShort = true;
    }
    if (!m.drained()) {
      // Losses are not settled then (queued messages would count as lost): the final audit does.
      reasons.add("not drained: the pipeline did not catch up after the step");
      processingShort |= !ingestShort;
    }
    if (m.lost() > 0 || m.staleDevices() > 0) {
      reasons.add(
          String.format(
              "lost %d messages, %d devices' health behind",
              Math.max(m.lost(), 0),
              Math.max(m.staleDevices(), 0)));
    }
    if (reasons.isEmpty()) {
      return Verdict.ok();
    }
    return new Verdict(
        false,
        reasons,
        bottleneck(processes, cores, machineBusyCores, ingestShort, processingShort));
  }

  static String bottleneck(
      List<ProcessUsage> processes,
      int cores,
      double machineBusyCores,
      boolean ingestShort,
      boolean processingShort) {
    Set<String> stage = ingestShort ? INGEST : processingShort ? PROCESSING : Set.of();
    ProcessUsage busiest =
        processes.stream()
            .filter(p -> stage.isEmpty() || stage.contains(p.name()))
            .max(Comparator.comparingDouble(ProcessUsage::cpuCores))
            .orElse(null);
    String who =
        busiest == null
            ? "unknown"
            : String.format("%s (%.2f cores)", busiest.name(), busiest.cpuCores());
    if (machineBusyCores >= SATURATED_SHARE * cores) {
      ProcessUsage overall =
          processes.stream()
              .max(Comparator.comparingDouble(ProcessUsage::cpuCores))
              .orElse(busiest);
      String stageName = ingestShort ? "ingest" : "processing";
      String share =
          overall == null || overall == busiest
              ? "largest share " + who + ", in the " + stageName + " stage"
              : String.format(
                  "largest share %s (%.2f cores); busiest in the %s stage: %s",
                  overall.name(), overall.cpuCores(), stageName, who);
      return String.format(
          "CPU: the machine's %d cores were %.0f %% busy; %s",
          cores, 100 * machineBusyCores / cores, share);
    }
    if (busiest != null && busiest.cpuCores() >= 0.9) {
      return who + ", about one core: a single-threaded stage at its limit";
    }
    return who + ", busiest process of the " + (ingestShort ? "ingest" : "processing") + " stage";
  }

  /**
   * The numbers the rule looks at, separate from the report so a test can build them. {@code
   * lost} and {@code staleDevices} are -1 when not known yet (the drain did not catch up).
   */
  public record StepMeasures(
      int offeredRate,
      double publishedRate,
      double acceptedRate,
      long p99Ms,
      int latencySamples,
      double lagEndSeconds,
      double lagSlope,
      long failed,
      boolean drained,
      long lost,
      int staleDevices) {}
}
