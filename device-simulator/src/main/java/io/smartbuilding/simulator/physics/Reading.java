package io.smartbuilding.simulator.physics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Collects one sample's metrics in a stable order, rounded to what a real sensor would report. */
final class Reading {

  private final Map<String, Double> values = new LinkedHashMap<>();

  Reading with(String metric, double value) {
    values.put(metric, Math.round(value * 100.0) / 100.0);
    return this;
  }

  Map<String, Double> values() {
    return Collections.unmodifiableMap(values);
  }

  static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(max, value));
  }
}
