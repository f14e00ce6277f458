package io.smartbuilding.simulator.fault;

import io.smartbuilding.contracts.telemetry.RejectReason;
import java.time.Instant;
import java.util.Optional;

/**
 * A device that, from {@code onset}, sends {@code count} malformed messages in place of its next
 * readings (a firmware bug, a bad update), cycling through every {@link RejectReason} so each
 * reject path of the gateway is exercised.
 */
public final class MalformedBurst {

  private static final RejectReason[] REASONS = RejectReason.values();

  private final Instant onset;
  private final int count;
  private int sent;

  public MalformedBurst(Instant onset, int count) {
    this.onset = onset;
    this.count = count;
  }

  /** The kind of malformed message to send at {@code now} in place of the reading, if any. */
  public Optional<RejectReason> next(Instant now) {
    if (now.isBefore(onset) || sent >= count) {
      return Optional.empty();
    }
    return Optional.of(REASONS[sent++ % REASONS.length]);
  }
}
