package io.smartbuilding.analytics.benchmark;

import io.smartbuilding.contracts.telemetry.DeviceType;
import io.smartbuilding.contracts.telemetry.Metrics;
import io.smartbuilding.contracts.telemetry.Telemetry;
import io.smartbuilding.contracts.telemetry.TelemetryCodec;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Encoded telemetry for benchmarks: {@code devices} devices spread over buildings and floors, each
 * reporting every 10 s in round-robin order with the metrics of its type. One device in a hundred
 * runs hot, swinging between 56 and 70 °C so that OVERHEAT alerts open, follow and resolve.
 *
 * <p>Encoded up front, so that the benchmarked job pays for decoding but the source does not pay
 * for encoding.
 */
public final class TelemetryWorkload {

  public static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
  private static final DeviceType[] TYPES = DeviceType.values();

  private TelemetryWorkload() {}

  public static byte[][] encoded(int devices, int events) {
    TelemetryCodec codec = new TelemetryCodec();
    SplittableRandom random = new SplittableRandom(42);
    byte[][] out = new byte[events][];
    for (int i = 0; i < events; i++) {
      out[i] = codec.encode(reading(i % devices, i / devices, random));
    }
    return out;
  }

  static Telemetry reading(int device, int round, SplittableRandom random) {
    int building = device % 20;
    int floor = (device / 20) % 10;
    DeviceType type = TYPES[device % TYPES.length];
    boolean hot = device % 100 == 7;
    Map<String, Double> metrics = new HashMap<>();
    List<String> names = Metrics.reportedBy(type);
    for (String name : names) {
      metrics.put(name, Math.round(value(name, random) * 10) / 10.0);
    }
    if (hot && metrics.containsKey(Metrics.TEMPERATURE_C)) {
      // 56..70 °C in a slow saw-tooth: above 60 opens, at or below 58 resolves
      metrics.put(Metrics.TEMPERATURE_C, 56.0 + (round % 15));
    }
    return new Telemetry(
        "b" + building + "-f" + floor + "-" + type.name().toLowerCase() + "-" + device,
        "b" + building,
        floor,
        "f" + floor + (device % 2 == 0 ? "-east" : "-west"),
        type,
        T0.plusSeconds(10L * round),
        round + 1L,
        metrics);
  }

  private static double value(String metric, SplittableRandom random) {
    return switch (metric) {
      case Metrics.TEMPERATURE_C -> 19 + random.nextDouble(6);
      case Metrics.HUMIDITY_PCT -> 30 + random.nextDouble(30);
      case Metrics.CO2_PPM -> 400 + random.nextDouble(600);
      case Metrics.OCCUPANCY -> random.nextInt(40);
      case Metrics.ENERGY_KWH -> 10_000 + random.nextDouble(1_000);
      default -> random.nextDouble(100);
    };
  }
}
