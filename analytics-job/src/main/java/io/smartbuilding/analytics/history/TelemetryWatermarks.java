package io.smartbuilding.analytics.history;

import io.smartbuilding.contracts.telemetry.Telemetry;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Event time for decoded telemetry: the device's own {@code ts}, with a watermark that trails the
 * newest reading by the configured out-of-orderness. Applied once, right after decoding, so every
 * event-time operator downstream (the history windows) sees the same clock.
 */
public final class TelemetryWatermarks {

  private TelemetryWatermarks() {}

  public static WatermarkStrategy<Telemetry> strategy(EventTimeSettings settings) {
    WatermarkStrategy<Telemetry> strategy =
        WatermarkStrategy.<Telemetry>forBoundedOutOfOrderness(settings.maxOutOfOrderness())
            .withTimestampAssigner((reading, previous) -> reading.ts().toEpochMilli());
    return settings.idleTimeout().map(strategy::withIdleness).orElse(strategy);
  }
}
