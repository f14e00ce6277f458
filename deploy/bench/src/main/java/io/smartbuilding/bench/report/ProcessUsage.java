package io.smartbuilding.bench.report;

/** One process of the stack during one step: CPU in cores (1.0 = one core busy) and peak RSS. */
public record ProcessUsage(String name, double cpuCores, long rssMaxMiB) {}
