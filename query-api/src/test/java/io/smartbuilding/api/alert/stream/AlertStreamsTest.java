package io.smartbuilding.api.alert.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AlertStreamsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private AlertStreams streams;

  @AfterEach
  void stopScheduler() {
    // Every AlertStreams starts a poller pool; the application's shutdown event stops it.
    streams.onStop(null);
  }

  @Test
  void capsOpenStreamsAndGivesSlotsBack() {
    streams = new AlertStreams(null, config(2), registry);

    assertThat(streams.tryReserve()).isTrue();
    assertThat(streams.tryReserve()).isTrue();
    assertThat(streams.tryReserve()).isFalse();
    assertThat(registry.get("smartbuilding.api.alert.streams").gauge().value()).isEqualTo(2);

    streams.release();
    assertThat(streams.tryReserve()).isTrue();
    assertThat(streams.openStreams()).isEqualTo(2);
  }

  @Test
  void capsTheStreamsOfOneSubjectAndGivesTheirSlotsBack() {
    streams = new AlertStreams(null, config(100), registry);

    for (int i = 0; i < 3; i++) {
      assertThat(streams.tryReserveFor("alice")).as("stream %d", i + 1).isTrue();
    }
    assertThat(streams.tryReserveFor("alice")).isFalse();
    assertThat(streams.tryReserveFor("bob")).isTrue();
    assertThat(streams.openStreamsOf("alice")).isEqualTo(3);

    streams.releaseFor("alice");
    assertThat(streams.tryReserveFor("alice")).isTrue();
    for (int i = 0; i < 3; i++) {
      streams.releaseFor("alice");
    }
    assertThat(streams.openStreamsOf("alice")).isZero();
    streams.releaseFor("alice"); // one too many: never below zero
    assertThat(streams.openStreamsOf("alice")).isZero();
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
      public int maxStreamsPerSubject() {
        return 3;
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
