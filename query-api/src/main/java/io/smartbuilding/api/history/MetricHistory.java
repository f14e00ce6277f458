package io.smartbuilding.api.history;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A metric's aggregates over a time range, oldest bucket first; buckets without data are absent.
 */
@Schema(name = "MetricHistory")
public record MetricHistory(
    @Schema(example = "temperatureC") String metric,
    @Schema(
            enumeration = {"1m", "5m", "15m", "1h"},
            example = "15m")
        String resolution,
    @Schema(
            description = "Start of the first bucket of the range",
            example = "2025-03-01T08:00:00Z")
        Instant from,
    @Schema(description = "End of the range (exclusive)", example = "2025-03-01T10:00:00Z")
        Instant to,
    List<HistoryPoint> points) {}
