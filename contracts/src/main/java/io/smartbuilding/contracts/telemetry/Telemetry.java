package io.smartbuilding.contracts.telemetry;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One reading of one device: the payload published on {@link TelemetryTopic} and carried, unchanged,
 * inside the Kinesis records. See docs/contracts/telemetry.md.
 *
 * @param seq per-device counter; with {@code deviceId} it identifies a message, so consumers can drop
 *     the duplicates that at-least-once delivery produces.
 */
public record Telemetry(
    String deviceId,
    String buildingId,
    int floor,
    String zone,
    DeviceType deviceType,
    Instant ts,
    long seq,
    Map<String, Double> metrics)
    implements Serializable {

  public Telemetry {
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(buildingId, "buildingId");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(deviceType, "deviceType");
    Objects.requireNonNull(ts, "ts");
    // Insertion order kept, so payloads re-encode with their metrics in a stable, readable order.
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  /** The metric value, or {@code null} when this reading does not carry it. */
  public Double metric(String name) {
    return metrics.get(name);
  }
}
