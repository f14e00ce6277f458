package io.smartbuilding.api.history;

/** Texts the two history resources share in their OpenAPI parameters. */
final class HistoryParameters {

  static final String METRIC =
      "Metric name from the telemetry contract, e.g. temperatureC, co2Ppm, powerKw";
  static final String FROM =
      "Start of the range (ISO-8601 with offset), rounded down to its bucket; default 'to' minus"
          + " 24 hours";
  static final String TO = "End of the range, exclusive (ISO-8601 with offset); default now";
  static final String LIMITS =
      " At most "
          + HistoryRange.MAX_POINTS
          + " points per answer and "
          + HistoryRange.MAX_STORED_BUCKETS
          + " stored buckets read. Device: 1m up to 24 hours, 5m up to 5 days, 15m and 1h up to"
          + " 7 days. Building, floor, zone: 5m up to 5 days, 15m up to 15 days, 1h up to 35"
          + " days.";

  static final String EXAMPLE =
      "{\"metric\":\"temperatureC\",\"resolution\":\"15m\",\"from\":\"2025-03-01T08:00:00Z\","
          + "\"to\":\"2025-03-01T08:30:00Z\",\"points\":["
          + "{\"start\":\"2025-03-01T08:00:00Z\",\"min\":21.1,\"max\":22.4,\"avg\":21.7,"
          + "\"count\":180},"
          + "{\"start\":\"2025-03-01T08:15:00Z\",\"min\":21.3,\"max\":23.0,\"avg\":22.1,"
          + "\"count\":180}]}";

  private HistoryParameters() {}
}
