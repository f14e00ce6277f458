package io.smartbuilding.analytics.health;

import io.smartbuilding.analytics.anomaly.AnomalySettings;
import io.smartbuilding.analytics.anomaly.WearSettings;
import io.smartbuilding.analytics.rules.DefaultRules;
import io.smartbuilding.analytics.rules.RuleSet;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * The settings behind device status and alerts that are not rules in the rules table.
 *
 * @param overheatLimitC the default OVERHEAT rule's limit (used when the rules table is empty, and
 *     seeded into it)
 * @param overheatHysteresisC and its hysteresis
 * @param offlineAfter silence after which a device is OFFLINE (processing time)
 * @param maxLateness a reading whose ts is more than this before the device's last accepted ts is
 *     late: counted and set aside instead of changing the device's health
 * @param deviceStateRetention how long a device stays OFFLINE before all its state is dropped (a
 *     decommissioned device would otherwise keep its state forever); its OFFLINE alert stays open
 *     in the alerts table
 * @param healthRefresh how often an unchanged device health is written again, in event time
 *     (zero: on every reading); a change of status, score, reasons or alerts is written at once
 */
public record HealthRules(
    double overheatLimitC,
    double overheatHysteresisC,
    Duration offlineAfter,
    Duration maxLateness,
    AnomalySettings anomaly,
    WearSettings wear,
    Duration rulesPollInterval,
    String rulesFile,
    Duration deviceStateRetention,
    Duration healthRefresh)
    implements Serializable {

  public static final Duration DEFAULT_RULES_POLL_INTERVAL = Duration.ofSeconds(10);

  public static final double DEFAULT_OVERHEAT_LIMIT_C = 60.0;
  public static final double DEFAULT_OVERHEAT_HYSTERESIS_C = 2.0;
  public static final Duration DEFAULT_OFFLINE_AFTER = Duration.ofSeconds(60);
  public static final Duration DEFAULT_MAX_LATENESS = Duration.ofMinutes(5);
  public static final Duration DEFAULT_DEVICE_STATE_RETENTION = Duration.ofDays(30);
  public static final Duration DEFAULT_HEALTH_REFRESH = Duration.ZERO;

  public HealthRules {
    if (!Double.isFinite(overheatLimitC)) {
      throw new IllegalArgumentException("overheat limit must be a number, got " + overheatLimitC);
    }
    if (!(overheatHysteresisC >= 0) || !Double.isFinite(overheatHysteresisC)) {
      throw new IllegalArgumentException(
          "overheat hysteresis must be >= 0, got " + overheatHysteresisC);
    }
    if (offlineAfter.isNegative() || offlineAfter.isZero()) {
      throw new IllegalArgumentException("offline-after must be positive, got " + offlineAfter);
    }
    if (maxLateness.isNegative()) {
      throw new IllegalArgumentException("max lateness must be >= 0, got " + maxLateness);
    }
    if (rulesPollInterval.isNegative() || rulesPollInterval.isZero()) {
      throw new IllegalArgumentException(
          "rules poll interval must be positive, got " + rulesPollInterval);
    }
    if (deviceStateRetention.isNegative() || deviceStateRetention.isZero()) {
      throw new IllegalArgumentException(
          "device state retention must be positive, got " + deviceStateRetention);
    }
    if (healthRefresh.isNegative()) {
      throw new IllegalArgumentException("health refresh must be >= 0, got " + healthRefresh);
    }
  }

  /** Writing the health on every reading. */
  public HealthRules(
      double overheatLimitC,
      double overheatHysteresisC,
      Duration offlineAfter,
      Duration maxLateness,
      AnomalySettings anomaly,
      WearSettings wear,
      Duration rulesPollInterval,
      String rulesFile,
      Duration deviceStateRetention) {
    this(
        overheatLimitC,
        overheatHysteresisC,
        offlineAfter,
        maxLateness,
        anomaly,
        wear,
        rulesPollInterval,
        rulesFile,
        deviceStateRetention,
        DEFAULT_HEALTH_REFRESH);
  }

  /** With the default device state retention. */
  public HealthRules(
      double overheatLimitC,
      double overheatHysteresisC,
      Duration offlineAfter,
      Duration maxLateness,
      AnomalySettings anomaly,
      WearSettings wear,
      Duration rulesPollInterval,
      String rulesFile) {
    this(
        overheatLimitC,
        overheatHysteresisC,
        offlineAfter,
        maxLateness,
        anomaly,
        wear,
        rulesPollInterval,
        rulesFile,
        DEFAULT_DEVICE_STATE_RETENTION);
  }

  public HealthRules(
      double overheatLimitC,
      double overheatHysteresisC,
      Duration offlineAfter,
      Duration maxLateness) {
    this(
        overheatLimitC,
        overheatHysteresisC,
        offlineAfter,
        maxLateness,
        AnomalySettings.DEFAULTS,
        WearSettings.DEFAULTS,
        DEFAULT_RULES_POLL_INTERVAL,
        null);
  }

  /** The built-in rules, with this OVERHEAT limit. */
  public RuleSet defaultRules() {
    return DefaultRules.of(overheatLimitC, overheatHysteresisC);
  }

  public HealthRules(double overheatLimitC, double overheatHysteresisC, Duration offlineAfter) {
    this(overheatLimitC, overheatHysteresisC, offlineAfter, DEFAULT_MAX_LATENESS);
  }

  public static HealthRules defaults() {
    return new HealthRules(
        DEFAULT_OVERHEAT_LIMIT_C,
        DEFAULT_OVERHEAT_HYSTERESIS_C,
        DEFAULT_OFFLINE_AFTER,
        DEFAULT_MAX_LATENESS);
  }

  /** Whether {@code reading} is too far behind the device's last accepted message. */
  public boolean isLate(Instant reading, Instant lastAccepted) {
    return reading.isBefore(lastAccepted.minus(maxLateness));
  }
}
