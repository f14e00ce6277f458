package io.smartbuilding.simulator;

import io.smartbuilding.simulator.mqtt.DeliveryStats;
import java.time.Duration;
import java.util.Locale;

/** The status lines on stderr: one every few seconds while running, one summary at the end. */
final class ProgressLine {

  private ProgressLine() {}

  /** {@code sent=… acked=… failed=… rate=…/s connected=yes}; rate is sends since the last line. */
  static String progress(
      DeliveryStats now, DeliveryStats before, Duration interval, boolean connected) {
    double seconds = Math.max(0.001, interval.toMillis() / 1000.0);
    return String.format(
        Locale.ROOT,
        "sent=%d acked=%d failed=%d rate=%.1f/s connected=%s",
        now.sent(),
        now.acked(),
        now.failed(),
        (now.sent() - before.sent()) / seconds,
        connected ? "yes" : "no");
  }

  /** As above with {@code connected=up/total} for several connections. */
  static String progress(
      DeliveryStats now, DeliveryStats before, Duration interval, int connected, int connections) {
    double seconds = Math.max(0.001, interval.toMillis() / 1000.0);
    return String.format(
        Locale.ROOT,
        "sent=%d acked=%d failed=%d rate=%.1f/s connected=%d/%d",
        now.sent(),
        now.acked(),
        now.failed(),
        (now.sent() - before.sent()) / seconds,
        connected,
        connections);
  }

  static String summary(int devices, DeliveryStats stats, Duration elapsed) {
    double seconds = Math.max(0.001, elapsed.toMillis() / 1000.0);
    return String.format(
        Locale.ROOT,
        "summary: devices=%d elapsed=%.1fs sent=%d acked=%d failed=%d (refused=%d lost=%d)"
            + " not-acknowledged=%d average-rate=%.1f/s",
        devices,
        seconds,
        stats.sent(),
        stats.acked(),
        stats.failed(),
        stats.refused(),
        stats.lost(),
        stats.notAcknowledged(),
        stats.sent() / seconds);
  }
}
