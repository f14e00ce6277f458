package io.smartbuilding.api.history;

import io.smartbuilding.api.problem.Abbreviated;
import io.smartbuilding.api.problem.ProblemException;
import io.smartbuilding.api.request.TimeParameter;
import io.smartbuilding.contracts.telemetry.DeviceType;
import io.smartbuilding.contracts.telemetry.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The validated metric, time range and resolution of a history request. The range is bounded twice:
 * at most {@link #MAX_POINTS} points in the answer and at most {@link #MAX_STORED_BUCKETS} stored
 * buckets read to make them, so one request costs a bounded number of DynamoDB reads.
 */
public record HistoryRange(String metric, Instant from, Instant to, Resolution resolution) {

  public static final int MAX_POINTS = 1440;

  /** One week of one-minute buckets. */
  public static final int MAX_STORED_BUCKETS = 10_080;

  public static final Duration DEFAULT_SPAN = Duration.ofHours(24);

  /** Every metric name of the telemetry contract. */
  public static final String METRICS;

  private static final TreeSet<String> KNOWN = new TreeSet<>();

  static {
    for (DeviceType type : DeviceType.values()) {
      KNOWN.addAll(Metrics.reportedBy(type));
    }
    KNOWN.add(Metrics.BATTERY_PCT);
    METRICS = String.join(", ", KNOWN);
  }

  /**
   * Parses the parameters of a series stored at {@code source} resolution. {@code to} defaults to
   * now, {@code from} to the 24 hours of buckets before {@code to}; {@code from} is rounded down to
   * the start of its bucket.
   */
  public static HistoryRange parse(
      String metric, String from, String to, String resolution, Resolution source, Clock clock) {
    if (metric == null || metric.isEmpty()) {
      throw ProblemException.invalidParameter("metric", "'metric' is required: one of " + METRICS);
    }
    if (!KNOWN.contains(metric)) {
      throw ProblemException.invalidParameter(
          "metric",
          "'metric' must be one of " + METRICS + " (got '" + Abbreviated.to(metric, 80) + "')");
    }
    Resolution wanted = Resolution.parse(resolution, source);
    Optional<Instant> start = TimeParameter.parse("from", from);
    Optional<Instant> end = TimeParameter.parse("to", to);
    TimeParameter.requireOrdered(start, end);
    Instant until = end.orElseGet(clock::instant);
    // Default: 24 hours of whole buckets, the current (partial) one included.
    Instant since =
        start
            .map(t -> alignDown(t, wanted))
            .orElseGet(() -> alignDown(until, wanted).minus(DEFAULT_SPAN).plus(wanted.width()));
    if (!until.isAfter(since)) {
      throw ProblemException.invalidParameter(
          "from", "'from' must be before 'to' (and before now when 'to' is absent)");
    }
    long span = Duration.between(since, until).toMillis();
    long points = ceilDiv(span, wanted.width().toMillis());
    long stored = ceilDiv(span, source.width().toMillis());
    if (points > MAX_POINTS || stored > MAX_STORED_BUCKETS) {
      Duration longest =
          Duration.ofMillis(
              Math.min(
                  MAX_POINTS * wanted.width().toMillis(),
                  MAX_STORED_BUCKETS * source.width().toMillis()));
      throw ProblemException.invalidParameter(
          "from",
          "the range from 'from' to 'to' is too long for resolution "
              + wanted.wireValue()
              + ": at most "
              + longest.toHours()
              + " hours (at most "
              + MAX_POINTS
              + " points); choose a coarser resolution or a shorter range");
    }
    return new HistoryRange(metric, since, until, wanted);
  }

  /** The start of the bucket of {@code resolution} that holds {@code time}. */
  public static Instant alignDown(Instant time, Resolution resolution) {
    long width = resolution.width().toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(time.toEpochMilli(), width) * width);
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }
}
