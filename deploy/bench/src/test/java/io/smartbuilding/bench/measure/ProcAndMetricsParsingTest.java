package io.smartbuilding.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcAndMetricsParsingTest {

  @Test
  void cpuSecondsAreUtimePlusStimeEvenWhenTheCommandHasSpacesAndParentheses() {
    // fields: pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt
    // utime stime ...
    String stat =
        "4242 (my (odd) cmd) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 125 0 0 20 0 30 0 1000 0 0";
    assertThat(ProcStats.parseCpuSeconds(stat)).isEqualTo(3.75);
  }

  @Test
  void gatewayCountersSumEveryLabelSetOfAMetric() {
    String text =
        String.join(
            "\n",
            "# HELP gateway_messages_forwarded_total",
            "# TYPE gateway_messages_forwarded_total counter",
            "gateway_messages_forwarded_total 1234.0",
            "gateway_messages_received_total 1300.0",
            "gateway_messages_rejected_total{reason=\"MALFORMED_JSON\"} 2.0",
            "gateway_messages_rejected_total{reason=\"OVERSIZED\"} 3.0",
            "gateway_messages_forwarded_total_created 1.7E9");
    GatewayCounters.Snapshot s = GatewayCounters.parse(text);
    assertThat(s.forwarded()).isEqualTo(1234.0);
    assertThat(s.received()).isEqualTo(1300.0);
    assertThat(s.rejected()).isEqualTo(5.0);
    assertThat(s.deadLettered()).isZero();
  }

  @Test
  void machineBusyCoresDivideByTheCpusProcStatCountsNotTheCgroupsShare() {
    // a 4-CPU host: busy = user+nice+system+irq+softirq+steal, total adds idle and iowait
    java.util.List<String> start =
        java.util.List.of(
            "cpu  1000 0 500 8000 500 0 0 0 0 0",
            "cpu0 250 0 125 2000 125 0 0 0 0 0",
            "cpu1 250 0 125 2000 125 0 0 0 0 0",
            "cpu2 250 0 125 2000 125 0 0 0 0 0",
            "cpu3 250 0 125 2000 125 0 0 0 0 0",
            "intr 12345");
    // 10 s later: 40 CPU-seconds in all, 30 of them busy -> 3 busy cores
    java.util.List<String> end =
        java.util.List.of(
            "cpu  3500 0 1000 8800 700 0 0 0 0 0",
            "cpu0 875 0 250 2200 175 0 0 0 0 0",
            "cpu1 875 0 250 2200 175 0 0 0 0 0",
            "cpu2 875 0 250 2200 175 0 0 0 0 0",
            "cpu3 875 0 250 2200 175 0 0 0 0 0",
            "intr 23456");
    double[] a = ProcStats.parseMachineSeconds(start);
    double[] b = ProcStats.parseMachineSeconds(end);
    assertThat(b[2]).isEqualTo(4);
    assertThat(ProcessSampler.busyCores(a, b))
        .isCloseTo(3.0, org.assertj.core.data.Offset.offset(1e-9));
  }
}
