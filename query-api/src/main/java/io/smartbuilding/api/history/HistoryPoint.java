package io.smartbuilding.api.history;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The aggregate of one metric over one bucket. */
@Schema(name = "HistoryPoint")
public record HistoryPoint(
    @Schema(description = "Start of the bucket (ISO-8601 UTC)", example = "2025-03-01T08:00:00Z")
        Instant start,
    @Schema(example = "21.1") double min,
    @Schema(example = "22.4") double max,
    @Schema(description = "Mean of every reading in the bucket", example = "21.7") double avg,
    @Schema(description = "Readings in the bucket", example = "12") long count) {}
