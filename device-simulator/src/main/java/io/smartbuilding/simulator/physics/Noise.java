package io.smartbuilding.simulator.physics;

import java.util.Random;

/** Sensor noise: Gaussian, cut at three sigma so one unlucky draw never looks like a fault. */
final class Noise {

  private final Random random;

  Noise(Random random) {
    this.random = random;
  }

  double gaussian(double sigma) {
    return sigma * Math.max(-3.0, Math.min(3.0, random.nextGaussian()));
  }

  /** A value fixed for the device's life: its setpoint, its size, its wear. */
  double between(double min, double max) {
    return min + (max - min) * random.nextDouble();
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }
}
