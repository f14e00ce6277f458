package io.smartbuilding.simulator.physics;

import java.time.Duration;
import java.time.Instant;

/**
 * A quantity that follows its target with a first-order delay, like a motor warming up or CO2
 * building up in a room. Independent of the sampling rate: the delay is in wall time.
 */
final class Lag {

  private final double timeConstantSeconds;
  private Instant last;
  private double value;

  Lag(Duration timeConstant) {
    this.timeConstantSeconds = timeConstant.toMillis() / 1000.0;
  }

  double next(double target, Instant now) {
    if (last == null) {
      value = target; // a device starts in the steady state of its first moment
    } else {
      double dt = Math.max(0, Duration.between(last, now).toMillis() / 1000.0);
      value += (target - value) * (1 - Math.exp(-dt / timeConstantSeconds));
    }
    last = now;
    return value;
  }
}
