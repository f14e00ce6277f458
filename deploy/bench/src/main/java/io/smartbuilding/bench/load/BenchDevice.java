package io.smartbuilding.bench.load;

import io.smartbuilding.contracts.telemetry.DeviceType;
import io.smartbuilding.contracts.telemetry.Telemetry;
import io.smartbuilding.contracts.telemetry.TelemetryTopic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A zone sensor of the benchmark fleet. Its readings are plausible and never trip a rule (a small
 * wave around 21.5 °C, so neither OVERHEAT nor STUCK_SENSOR), so the job does its usual per-reading
 * work and no more.
 */
public record BenchDevice(String deviceId, String buildingId, int floor, String zone) {

  /** {@code count} devices in buildings {@code bench-b1..}, 50 per building, 10 per floor. */
  public static List<BenchDevice> fleet(int count) {
    List<BenchDevice> devices = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int building = i / 50 + 1;
      int floor = (i % 50) / 10 + 1;
      devices.add(
          new BenchDevice(
              String.format("bench-d%05d", i), "bench-b" + building, floor, "f" + floor + "-east"));
    }
    return devices;
  }

  public String topic() {
    return TelemetryTopic.of(buildingId, deviceId);
  }

  public Telemetry reading(long seq, Instant ts) {
    double wave = Math.sin(seq / 7.0);
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("temperatureC", Math.round((21.5 + 0.4 * wave) * 100) / 100.0);
    metrics.put("humidityPct", Math.round((41 + 2 * wave) * 10) / 10.0);
    metrics.put("co2Ppm", Math.round(600 + 40 * wave) * 1.0);
    metrics.put("occupancy", (double) (10 + seq % 3));
    return new Telemetry(
        deviceId, buildingId, floor, zone, DeviceType.ZONE_SENSOR, ts, seq, metrics);
  }
}
