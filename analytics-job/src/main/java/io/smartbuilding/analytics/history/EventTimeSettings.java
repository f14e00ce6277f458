package io.smartbuilding.analytics.history;

import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;

/**
 * How event time is derived from telemetry.
 *
 * @param maxOutOfOrderness how far a reading may arrive behind the newest one seen and still be on
 *     time: the watermark trails the newest {@code ts} by this much
 * @param idleTimeout a source split (Kinesis shard reader) without data for this long stops holding
 *     the watermark back; empty = never idle, so one silent shard stalls every window
 */
public record EventTimeSettings(Duration maxOutOfOrderness, Optional<Duration> idleTimeout)
    implements Serializable {

  public static final Duration DEFAULT_MAX_OUT_OF_ORDERNESS = Duration.ofSeconds(5);
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

  public EventTimeSettings {
    if (maxOutOfOrderness.isNegative()) {
      throw new IllegalArgumentException("maxOutOfOrderness must be >= 0");
    }
    idleTimeout.ifPresent(
        t -> {
          if (t.isNegative() || t.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive");
          }
        });
  }

  public static EventTimeSettings defaults() {
    return new EventTimeSettings(DEFAULT_MAX_OUT_OF_ORDERNESS, Optional.of(DEFAULT_IDLE_TIMEOUT));
  }
}
