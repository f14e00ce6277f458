package io.smartbuilding.analytics.alert;

import io.smartbuilding.contracts.alert.AlertStatus;
import io.smartbuilding.contracts.alert.AlertType;
import io.smartbuilding.contracts.alert.Severity;
import io.smartbuilding.contracts.tables.AlertTable;
import io.smartbuilding.contracts.telemetry.DeviceType;
import io.smartbuilding.contracts.telemetry.Telemetry;
import java.time.Duration;
import java.time.Instant;

/**
 * A maintenance alert as written to the alerts table: one item per device, type and episode. The id
 * comes from event time only ({@link AlertTable#alertId}), so reprocessing the stream rewrites the
 * same item.
 *
 * @param resolvedAt null while open
 * @param peakValue the worst reading of the episode; null for alerts without a reading (OFFLINE)
 * @param limit the threshold that was broken; null for OFFLINE
 * @param updatedAt processing time of this version
 */
public record Alert(
    String alertId,
    String deviceId,
    String buildingId,
    int floor,
    String zone,
    DeviceType deviceType,
    AlertType type,
    Severity severity,
    AlertStatus status,
    String message,
    Instant openedAt,
    Instant lastSeenAt,
    Instant resolvedAt,
    Double peakValue,
    Double limit,
    Instant updatedAt) {

  /** An OVERHEAT alert opened by {@code reading}, whose {@code temperatureC} is {@code value}. */
  public static Alert overheat(Telemetry reading, double value, double limit, Instant now) {
    return new Alert(
        AlertTable.alertId(
            reading.deviceId(), AlertType.OVERHEAT.name(), reading.ts().toEpochMilli()),
        reading.deviceId(),
        reading.buildingId(),
        reading.floor(),
        reading.zone(),
        reading.deviceType(),
        AlertType.OVERHEAT,
        Severity.CRITICAL,
        AlertStatus.OPEN,
        overheatMessage(value, limit),
        reading.ts(),
        reading.ts(),
        null,
        value,
        limit,
        now);
  }

  /**
   * An OFFLINE alert for a device whose last accepted message was {@code last}. It opens at {@code
   * last.ts + offlineAfter}, a moment derived from event time, so the id is the same however late
   * the timer fires.
   */
  public static Alert offline(Telemetry last, Duration offlineAfter, Instant now) {
    Instant openedAt = last.ts().plus(offlineAfter);
    return new Alert(
        AlertTable.alertId(last.deviceId(), AlertType.OFFLINE.name(), openedAt.toEpochMilli()),
        last.deviceId(),
        last.buildingId(),
        last.floor(),
        last.zone(),
        last.deviceType(),
        AlertType.OFFLINE,
        Severity.WARNING,
        AlertStatus.OPEN,
        "no telemetry for " + offlineAfter.toSeconds() + " s since " + last.ts(),
        openedAt,
        last.ts(),
        null,
        null,
        null,
        now);
  }

  /** This OVERHEAT alert after another reading over the limit. */
  public Alert stillOverheating(double value, Instant seenAt, Instant now) {
    double peak = Math.max(peakValue, value);
    return new Alert(
        alertId,
        deviceId,
        buildingId,
        floor,
        zone,
        deviceType,
        type,
        severity,
        status,
        overheatMessage(peak, limit),
        openedAt,
        seenAt,
        resolvedAt,
        peak,
        limit,
        now);
  }

  public Alert resolved(Instant at, Instant now) {
    return new Alert(
        alertId,
        deviceId,
        buildingId,
        floor,
        zone,
        deviceType,
        type,
        severity,
        AlertStatus.RESOLVED,
        message,
        openedAt,
        lastSeenAt,
        at,
        peakValue,
        limit,
        now);
  }

  public boolean isOpen() {
    return status == AlertStatus.OPEN;
  }

  private static String overheatMessage(double value, double limit) {
    return OverheatRule.METRIC + " " + value + " above limit " + limit;
  }
}
