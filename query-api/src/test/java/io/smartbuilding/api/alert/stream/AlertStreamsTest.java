package io.smartbuilding.api.alert.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AlertStreamsTest {

  @Test
  void capsOpenStreamsAndGivesSlotsBack() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    AlertStreams streams = new AlertStreams(null, config(2), registry);

    assertThat(streams.tryReserve()).isTrue();
    assertThat(streams.tryReserve()).isTrue();
    assertThat(streams.tryReserve()).isFalse();
    assertThat(registry.get("smartbuilding.api.alert.streams").gauge().value()).isEqualTo(2);

    streams.release();
    assertThat(streams.tryReserve()).isTrue();
    assertThat(streams.openStreams()).isEqualTo(2);
  }

  private static StreamConfig config(int maxStreams) {
    return new StreamConfig() {
      @Override
      public Duration pollInterval() {
        return Duration.ofSeconds(1);
      }

      @Override
      public Duration heartbeatInterval() {
        return Duration.ofSeconds(15);
      }

      @Override
      public int maxStreams() {
        return maxStreams;
      }

      @Override
      public Duration overlap() {
        return Duration.ofSeconds(5);
      }

      @Override
      public Duration maxReplay() {
        return Duration.ofMinutes(15);
      }
    };
  }
}
