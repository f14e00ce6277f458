package io.smartbuilding.simulator.physics;

import io.smartbuilding.contracts.telemetry.Metrics;
import java.time.Duration;
import java.time.Instant;

/**
 * The cell of a wireless sensor: a few years of life, so in any run it loses a fraction of a
 * percent per day; reported in 0.5 % steps like real fuel gauges.
 */
public final class Battery {

  /**
   * The metric wireless devices add. Not in the contracts' {@code Metrics} yet: a contract change
   * wish, until then it is defined here.
   */
  public static final String METRIC = Metrics.BATTERY_PCT;

  private static final double PCT_PER_DAY = 0.08;

  private final double levelAtStartPct;
  private Instant start;

  Battery(double levelAtStartPct) {
    this.levelAtStartPct = levelAtStartPct;
  }

  double levelPct(Instant now) {
    if (start == null) {
      start = now;
    }
    double days = Duration.between(start, now).toMillis() / 86_400_000.0;
    double level = Math.max(0, levelAtStartPct - PCT_PER_DAY * days);
    return Math.round(level * 2) / 2.0;
  }
}
