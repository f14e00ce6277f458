package io.smartbuilding.bench.report;

import java.util.List;

/** Whether a rate was sustained; if not, why and which process is the likely bottleneck. */
public record Verdict(boolean sustained, List<String> reasons, String bottleneck) {
  public static Verdict ok() {
    return new Verdict(true, List.of(), "");
  }
}
