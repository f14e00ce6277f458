package io.smartbuilding.bench.measure;

import io.smartbuilding.bench.report.ProcessUsage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU and RSS of the stack's processes over one step: {@link #start} takes the CPU times, each
 * {@link #sample} keeps the peak RSS and the current CPU rate, {@link #finish} gives cores used.
 */
public final class ProcessSampler {
  private final Map<String, Long> pids;
  private final Map<String, Double> cpuAtStart = new LinkedHashMap<>();
  private final Map<String, Double> cpuAtLast = new LinkedHashMap<>();
  private final Map<String, Long> rssMax = new LinkedHashMap<>();
  private double[] machineAtStart;
  private long startNanos;
  private long lastNanos;

  public ProcessSampler(Map<String, Long> pids) {
    this.pids = pids;
  }

  public void start() {
    startNanos = lastNanos = System.nanoTime();
    machineAtStart = ProcStats.machineSeconds();
    pids.forEach(
        (name, pid) -> {
          double cpu = ProcStats.cpuSeconds(pid);
          cpuAtStart.put(name, cpu);
          cpuAtLast.put(name, cpu);
          rssMax.put(name, ProcStats.rssMiB(pid));
        });
  }

  /** Cores each process used since the previous sample (for the progress line). */
  public Map<String, Double> sample() {
    long now = System.nanoTime();
    double seconds = Math.max((now - lastNanos) / 1e9, 1e-3);
    lastNanos = now;
    Map<String, Double> rates = new LinkedHashMap<>();
    pids.forEach(
        (name, pid) -> {
          double cpu = ProcStats.cpuSeconds(pid);
          rates.put(name, Math.max(cpu - cpuAtLast.get(name), 0) / seconds);
          cpuAtLast.put(name, cpu);
          rssMax.merge(name, ProcStats.rssMiB(pid), Math::max);
        });
    return rates;
  }

  public List<ProcessUsage> finish() {
    sample();
    double seconds = (lastNanos - startNanos) / 1e9;
    List<ProcessUsage> usage = new ArrayList<>();
    pids.forEach(
        (name, pid) ->
            usage.add(
                new ProcessUsage(
                    name,
                    Math.max(cpuAtLast.get(name) - cpuAtStart.get(name), 0) / seconds,
                    rssMax.get(name))));
    return usage;
  }

  /** Busy cores of the whole machine since {@link #start}, other work included. */
  public double machineBusyCores() {
    return busyCores(machineAtStart, ProcStats.machineSeconds());
  }

  /** How many CPUs the machine's /proc/stat counts (the denominator of its busy share). */
  public static int machineCpus() {
    return (int) ProcStats.machineSeconds()[2];
  }

  /** Busy cores between two {@link ProcStats#machineSeconds} readings. */
  static double busyCores(double[] start, double[] end) {
    double wall = (end[1] - start[1]) / end[2]; // total CPU seconds over all of /proc/stat's CPUs
    return wall <= 0 ? 0 : (end[0] - start[0]) / wall;
  }
}
