package io.smartbuilding.analytics.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartbuilding.contracts.telemetry.Telemetry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;

class TelemetryWatermarksTest {

  @Test
  void timestampsAreTheReadingsTsAndTheWatermarkTrailsTheNewestByTheBound() {
    WatermarkStrategy<Telemetry> strategy =
        TelemetryWatermarks.strategy(
            new EventTimeSettings(Duration.ofSeconds(5), Optional.empty()));
    Telemetry reading = HistoryWindowsTest.reading("d1", "z1", 30, 20.0, 1.0);
    assertThat(strategy.createTimestampAssigner(() -> new UnregisteredMetricsGroup())
            .extractTimestamp(reading, 0L))
        .isEqualTo(reading.ts().toEpochMilli());

    WatermarkGenerator<Telemetry> generator = strategy.createWatermarkGenerator(null);
    Collected out = new Collected();
    generator.onEvent(reading, reading.ts().toEpochMilli(), out);
    Telemetry older = HistoryWindowsTest.reading("d1", "z1", 10, 20.0, 1.0);
    generator.onEvent(older, older.ts().toEpochMilli(), out);
    generator.onPeriodicEmit(out);
    assertThat(out.watermarks)
        .containsExactly(reading.ts().minusSeconds(5).toEpochMilli() - 1);
  }

  @Test
  void settingsRejectNonsense() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new EventTimeSettings(Duration.ofSeconds(-1), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new EventTimeSettings(Duration.ZERO, Optional.of(Duration.ZERO)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static final class Collected implements WatermarkOutput {
    final List<Long> watermarks = new ArrayList<>();

    @Override
    public void emitWatermark(Watermark watermark) {
      watermarks.add(watermark.getTimestamp());
    }

    @Override
    public void markIdle() {}

    @Override
    public void markActive() {}
  }
}
