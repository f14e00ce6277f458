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
}
