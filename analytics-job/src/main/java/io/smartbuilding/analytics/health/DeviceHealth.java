package io.smartbuilding.analytics.health;

import io.smartbuilding.contracts.health.DeviceStatus;
import io.smartbuilding.contracts.telemetry.DeviceType;
import io.smartbuilding.contracts.telemetry.Telemetry;
import java.time.Instant;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * The latest state of one device, as written to the device-health table.
 *
 * @param lastSeen event time of the last accepted message
 * @param metrics the readings of that message
 * @param updatedAt processing time of this version
 */
public record DeviceHealth(
    String deviceId,
    String buildingId,
    int floor,
    String zone,
    DeviceType deviceType,
    DeviceStatus status,
    Instant lastSeen,
    long lastSeq,
    @TypeInfo(MetricsTypeInfoFactory.class) Map<String, Double> metrics,
    Instant updatedAt) {

  public DeviceHealth {
    metrics = Map.copyOf(metrics);
  }

  public static DeviceHealth of(Telemetry last, DeviceStatus status, Instant now) {
    return new DeviceHealth(
        last.deviceId(),
        last.buildingId(),
        last.floor(),
        last.zone(),
        last.deviceType(),
        status,
        last.ts(),
        last.seq(),
        last.metrics(),
        now);
  }
}
