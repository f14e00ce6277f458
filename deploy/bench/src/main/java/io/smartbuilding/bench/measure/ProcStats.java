package io.smartbuilding.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads CPU time and RSS of a process, and the machine's busy time, from Linux /proc. */
public final class ProcStats {
  /** USER_HZ: /proc reports CPU time in these ticks; 100 on every mainstream Linux build. */
  static final double TICKS_PER_SECOND = 100.0;

  private ProcStats() {}

  /** utime + stime of the process in seconds, or -1 when it is gone. */
  public static double cpuSeconds(long pid) {
    try {
      return parseCpuSeconds(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  static double parseCpuSeconds(String stat) {
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
    // After ')', field 3 (state) is index 0, so utime (field 14) is index 11, stime index 12.
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
  }

  /** VmRSS in MiB, or -1 when the process is gone. */
  public static long rssMiB(long pid) {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
      for (String line : lines) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone
    }
    return -1;
  }

  /**
   * {busy, total, cpus}: busy and total seconds of all CPUs since boot, from the first line of
   * /proc/stat, and how many CPUs those totals cover (its cpuN lines). The totals cover every CPU
   * of the host even when this JVM's cgroup sees fewer ({@code availableProcessors()}), so the
   * count of cpuN lines is the right divisor for wall time.
   */
  public static double[] machineSeconds() {
    try {
      return parseMachineSeconds(Files.readAllLines(Path.of("/proc/stat")));
    } catch (IOException | RuntimeException e) {
      return new double[] {0, 0, 1};
    }
  }

  static double[] parseMachineSeconds(List<String> procStat) {
    String[] f = procStat.get(0).trim().split("\\s+");
    long total = 0;
    for (int i = 1; i < f.length && i <= 8; i++) {
      total += Long.parseLong(f[i]);
    }
    long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]); // idle + iowait
    long cpus = procStat.stream().filter(l -> l.matches("cpu\\d+\\s.*")).count();
    return new double[] {
      (total - idle) / TICKS_PER_SECOND, total / TICKS_PER_SECOND, Math.max(cpus, 1)
    };
  }
}
