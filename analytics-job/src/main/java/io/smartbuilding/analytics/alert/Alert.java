package io.smartbuilding.analytics.alert;

import io.smartbuilding.contracts.alert.AlertStatus;
import io.smartbuilding.contracts.alert.AlertType;
import io.smartbuilding.contracts.alert.Severity;
import io.smartbuilding.contracts.tables.AlertTable;
import io.smartbuilding.contracts.telemetry.DeviceType;
import io.smartbuilding.contracts.telemetry.Telemetry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * A maintenance alert as the job writes it: one item per device, rule and episode. The id comes
 * from event time only ({@link AlertTable#alertId}), so reprocessing the stream rewrites the same
 * item. The job only knows OPEN and RESOLVED; people's acknowledgements live in the table and are
 * kept by the sink (it never overwrites {@code status} while the condition lasts).
 *
 * @param ruleId the rule (or built-in detector: OFFLINE, ANOMALY-metric, PREDICTED_WEAR-metric)
 * @param metric null for OFFLINE
 * @param resolvedAt null while open
 * @param peakValue the worst value of the episode; null for OFFLINE
 * @param limit the threshold that was broken; null for OFFLINE
 * @param predictedAt PREDICTED_WEAR only: when the metric is predicted to reach its limit
 * @param evidenceRule the rule in words
 * @param evidence the latest readings behind the alert, oldest first, at most 20
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
    String ruleId,
    String metric,
    Severity severity,
    AlertStatus status,
    String message,
    Instant openedAt,
    Instant lastSeenAt,
    Instant resolvedAt,
    Double peakValue,
    Double limit,
    Instant predictedAt,
    String evidenceRule,
    @TypeInfo(SamplesTypeInfoFactory.class) List<Sample> evidence,
    Instant updatedAt) {

  public static final String OFFLINE_RULE_ID = AlertType.OFFLINE.name();

  public Alert {
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }

  /** A new open alert of the device that sent {@code where}. */
  public static Alert open(
      Telemetry where,
      String ruleId,
      AlertType type,
      String metric,
      Severity severity,
      Instant openedAt,
      String evidenceRule,
      Instant now) {
    return new Alert(
        AlertTable.alertId(where.deviceId(), ruleId, openedAt.toEpochMilli()),
        where.deviceId(),
        where.buildingId(),
        where.floor(),
        where.zone(),
        where.deviceType(),
        type,
        ruleId,
        metric,
        severity,
        AlertStatus.OPEN,
        "",
        openedAt,
        openedAt,
        null,
        null,
        null,
        null,
        evidenceRule,
        List.of(),
        now);
  }

  /**
   * An OFFLINE alert for a device whose last accepted message was {@code last}. It opens at {@code
   * last.ts + offlineAfter}, a moment derived from event time, so the id is the same however late
   * the timer fires.
   */
  public static Alert offline(Telemetry last, Duration offlineAfter, Instant now) {
    Instant openedAt = last.ts().plus(offlineAfter);
    String words = "no telemetry for " + offlineAfter.toSeconds() + " s";
    return open(
            last,
            OFFLINE_RULE_ID,
            AlertType.OFFLINE,
            null,
            Severity.WARNING,
            openedAt,
            OFFLINE_RULE_ID + ": " + words,
            now)
        .seen(last.ts(), words + " since " + last.ts(), null, null, List.of(), now);
  }

  /** This alert with the latest state of its condition. */
  public Alert seen(
      Instant seenAt,
      String message,
      Double peakValue,
      Double limit,
      List<Sample> evidence,
      Instant now) {
    return changed(
        severity,
        status,
        message,
        seenAt,
        resolvedAt,
        peakValue,
        limit,
        predictedAt,
        evidenceRule,
        evidence,
        now);
  }

  public Alert withPredictedAt(Instant predictedAt) {
    return changed(
        severity,
        status,
        message,
        lastSeenAt,
        resolvedAt,
        peakValue,
        limit,
        predictedAt,
        evidenceRule,
        evidence,
        updatedAt);
  }

  /** Follows a change of the rule's severity or wording while the episode goes on. */
  public Alert withRule(Severity severity, String evidenceRule) {
    return changed(
        severity,
        status,
        message,
        lastSeenAt,
        resolvedAt,
        peakValue,
        limit,
        predictedAt,
        evidenceRule,
        evidence,
        updatedAt);
  }

  public Alert resolved(Instant at, Instant now) {
    return changed(
        severity,
        AlertStatus.RESOLVED,
        message,
        lastSeenAt,
        at,
        peakValue,
        limit,
        predictedAt,
        evidenceRule,
        evidence,
        now);
  }

  /** The same episode (id, device, rule, opening) with what may change during it. */
  private Alert changed(
      Severity severity,
      AlertStatus status,
      String message,
      Instant lastSeenAt,
      Instant resolvedAt,
      Double peakValue,
      Double limit,
      Instant predictedAt,
      String evidenceRule,
      List<Sample> evidence,
      Instant updatedAt) {
    return new Alert(
        alertId,
        deviceId,
        buildingId,
        floor,
        zone,
        deviceType,
        type,
        ruleId,
        metric,
        severity,
        status,
        message,
        openedAt,
        lastSeenAt,
        resolvedAt,
        peakValue,
        limit,
        predictedAt,
        evidenceRule,
        evidence,
        updatedAt);
  }

  public boolean isOpen() {
    return status == AlertStatus.OPEN;
  }
}
