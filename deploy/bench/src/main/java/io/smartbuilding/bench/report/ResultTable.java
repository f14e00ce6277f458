package io.smartbuilding.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The results as a markdown table (for docs/benchmarks.md) and as CSV. */
public final class ResultTable {
  private ResultTable() {}

  public static String markdown(List<StepResult> steps) {
    StringBuilder md = new StringBuilder();
    md.append(
        "| offered msgs/s | published msgs/s | failed / skipped sends | accepted msgs/s | latency"
            + " p50 / p95 / p99 ms (samples, censored) | lag at end s (growth s/s) | broker"
            + " backlog | lost | health behind | machine busy cores | sustained |\n");
    md.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
    for (StepResult s : steps) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %.0f | %d / %d | %.0f | %d / %d / %d (%d, %d) | %.1f (%+.3f) | %d | %s | %s |"
                  + " %.2f | %s |\n",
              s.offeredRate(),
              s.publishedRate(),
              s.failed(),
              s.skipped(),
              s.acceptedRate(),
              s.p50Ms(),
              s.p95Ms(),
              s.p99Ms(),
              s.latencySamples(),
              s.latencyCensored(),
              s.lagEndSeconds(),
              s.lagSlope(),
              s.brokerBacklog(),
              s.lost() < 0 ? "not settled" : Long.toString(s.lost()),
              s.staleDevices() < 0 ? "-" : Integer.toString(s.staleDevices()),
              s.machineBusyCores(),
              s.verdict().sustained()
                  ? "yes"
                  : "**no**: "
                      + String.join("; ", s.verdict().reasons())
                      + ". Bottleneck: "
                      + s.verdict().bottleneck()));
    }
    md.append("\nCPU (cores) / peak RSS (MiB) per process:\n\n");
    List<String> names = processNames(steps);
    md.append("| offered msgs/s |");
    names.forEach(n -> md.append(' ').append(n).append(" |"));
    md.append(" all cores (stack + load generator) |\n| ---: |");
    names.forEach(n -> md.append(" ---: |"));
    md.append(" ---: |\n");
    for (StepResult s : steps) {
      md.append("| ").append(s.offeredRate()).append(" |");
      for (String n : names) {
        s.processes().stream()
            .filter(p -> p.name().equals(n))
            .findFirst()
            .ifPresentOrElse(
                p ->
                    md.append(
                        String.format(Locale.ROOT, " %.2f / %d |", p.cpuCores(), p.rssMaxMiB())),
                () -> md.append(" - |"));
      }
      md.append(String.format(Locale.ROOT, " %.2f |\n", s.totalStackCores()));
    }
    return md.toString();
  }

  public static String csv(List<StepResult> steps) {
    List<String> names = processNames(steps);
    List<String> header =
        new ArrayList<>(
            List.of(
                "offered_rate",
                "seconds",
                "published_rate",
                "failed",
                "skipped",
                "accepted_rate",
                "acked_so_far",
                "drained",
                "lost",
                "duplicates",
                "health_behind",
                "latency_samples",
                "latency_censored",
                "p50_ms",
                "p95_ms",
                "p99_ms",
                "lag_end_s",
                "lag_slope",
                "broker_backlog",
                "machine_busy_cores",
                "sustained",
                "bottleneck"));
    names.forEach(n -> header.add(n + "_cpu_cores"));
    names.forEach(n -> header.add(n + "_rss_mib"));
    StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
    for (StepResult s : steps) {
      List<String> row =
          new ArrayList<>(
              List.of(
                  Integer.toString(s.offeredRate()),
                  Integer.toString(s.seconds()),
                  fmt(s.publishedRate()),
                  Long.toString(s.failed()),
                  Long.toString(s.skipped()),
                  fmt(s.acceptedRate()),
                  Long.toString(s.acked()),
                  Boolean.toString(s.drained()),
                  Long.toString(s.lost()),
                  Long.toString(s.duplicates()),
                  Integer.toString(s.staleDevices()),
                  Integer.toString(s.latencySamples()),
                  Integer.toString(s.latencyCensored()),
                  Long.toString(s.p50Ms()),
                  Long.toString(s.p95Ms()),
                  Long.toString(s.p99Ms()),
                  fmt(s.lagEndSeconds()),
                  String.format(Locale.ROOT, "%.4f", s.lagSlope()),
                  Long.toString(s.brokerBacklog()),
                  fmt(s.machineBusyCores()),
                  Boolean.toString(s.verdict().sustained()),
                  '"' + s.verdict().bottleneck().replace("\"", "'") + '"'));
      for (String n : names) {
        row.add(
            s.processes().stream()
                .filter(p -> p.name().equals(n))
                .map(p -> fmt(p.cpuCores()))
                .findFirst()
                .orElse(""));
      }
      for (String n : names) {
        row.add(
            s.processes().stream()
                .filter(p -> p.name().equals(n))
                .map(p -> Long.toString(p.rssMaxMiB()))
                .findFirst()
                .orElse(""));
      }
      csv.append(String.join(",", row)).append('\n');
    }
    return csv.toString();
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static List<String> processNames(List<StepResult> steps) {
    Set<String> names = new LinkedHashSet<>();
    steps.forEach(s -> s.processes().forEach(p -> names.add(p.name())));
    return new ArrayList<>(names);
  }
}
