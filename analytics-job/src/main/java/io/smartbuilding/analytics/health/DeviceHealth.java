package io.smartbuilding.analytics.health;

import io.smartbuilding.contracts.health.DeviceStatus;
import io.smartbuilding.contracts.telemetry.DeviceType;
import io.smartbuilding.contracts.telemetry.Telemetry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * The latest state of one device, as written to the device-health table.
 *
 * @param healthScore 0 (failed) to 100 (healthy); see {@link HealthAssessment}
 * @param reasons why the score is below 100, one sentence each
 * @param openAlerts alerts of the device whose condition lasts
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
    int healthScore,
    @TypeInfo(StringListTypeInfoFactory.class) List<String> reasons,
    int openAlerts,
    Instant lastSeen,
    long lastSeq,
    @TypeInfo(MetricsTypeInfoFactory.class) Map<String, Double> metrics,
    Instant updatedAt) {

  public DeviceHealth {
    metrics = Map.copyOf(metrics);
    reasons = List.copyOf(reasons);
  }

  public static DeviceHealth of(Telemetry last, HealthAssessment health, Instant now) {
    return new DeviceHealth(
        last.deviceId(),
        last.buildingId(),
        last.floor(),
        last.zone(),
        last.deviceType(),
        health.status(),
        health.healthScore(),
        health.reasons(),
        health.openAlerts(),
        last.ts(),
        last.seq(),
        last.metrics(),
        now);
  }
}
