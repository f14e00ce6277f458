package io.smartbuilding.simulator.fault;

import java.time.Duration;
import java.util.Objects;

/**
 * One entry of a fault timeline.
 *
 * @param at from the start of the faults (the run's start plus {@code --fault-after})
 * @param count for {@link FaultKind#MALFORMED_BURST}: how many malformed messages; else ignored
 */
public record PlannedFault(String deviceId, FaultKind kind, Duration at, int count) {

  public PlannedFault {
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
    if (at.isNegative()) {
      throw new IllegalArgumentException("fault time must not be negative, got " + at);
    }
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, got " + count);
    }
  }

  public PlannedFault(String deviceId, FaultKind kind, Duration at) {
    this(deviceId, kind, at, FaultKind.DEFAULT_BURST);
  }
}
