package io.smartbuilding.analytics;

import io.smartbuilding.contracts.telemetry.DeviceType;
import io.smartbuilding.contracts.telemetry.Telemetry;
import java.time.Instant;
import java.util.Map;

/** Telemetry for tests: one air handler in building b1 unless said otherwise. */
public final class Readings {

  public static final String DEVICE = "b1-f3-ahu-01";
  public static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

  private Readings() {}

  public static Telemetry temperature(long seq, Instant ts, double celsius) {
    return reading(DEVICE, seq, ts, Map.of("temperatureC", celsius, "fanSpeedPct", 50.0));
  }

  public static Telemetry reading(
      String deviceId, long seq, Instant ts, Map<String, Double> metrics) {
    return new Telemetry(deviceId, "b1", 3, "f3-west", DeviceType.AIR_HANDLER, ts, seq, metrics);
  }

  public static Telemetry placed(String deviceId, String buildingId, int floor, String zone) {
    return new Telemetry(
        deviceId, buildingId, floor, zone, DeviceType.ZONE_SENSOR, T0, 1, Map.of("co2Ppm", 500.0));
  }
}
