package io.smartbuilding.analytics.rules;

import io.smartbuilding.contracts.alert.AlertType;
import io.smartbuilding.contracts.alert.Severity;
import io.smartbuilding.contracts.telemetry.DeviceType;
import io.smartbuilding.contracts.telemetry.Metrics;
import java.util.List;

/**
 * The rules a new installation starts with: written to an empty rules table when the job creates
 * its tables, and applied when the rules table is empty or missing. Operators change them in the
 * table (a rule stored with {@code enabled=false} turns one off).
 */
public final class DefaultRules {

  public static final String OVERHEAT = "OVERHEAT";

  private DefaultRules() {}

  /**
   * @param overheatLimitC {@code rules.overheat.limit-c}: the OVERHEAT rule keeps the behaviour
   *     (and the alert ids) of the job before rules were configurable
   */
  public static RuleSet of(double overheatLimitC, double overheatHysteresisC) {
    return new RuleSet(
        List.of(
            new Rule(
                OVERHEAT,
                Rule.ANY_DEVICE_TYPE,
                Metrics.TEMPERATURE_C,
                RuleKind.ABOVE,
                AlertType.OVERHEAT,
                overheatLimitC,
                overheatHysteresisC,
                0,
                Severity.CRITICAL,
                true,
                "equipment or room overheating"),
            new Rule(
                "CO2_HIGH",
                DeviceType.ZONE_SENSOR.name(),
                Metrics.CO2_PPM,
                RuleKind.ABOVE,
                AlertType.THRESHOLD,
                1000,
                50,
                600,
                Severity.WARNING,
                true,
                "poor ventilation: CO2 above 1,000 ppm for 10 minutes"),
            new Rule(
                "BATTERY_LOW",
                Rule.ANY_DEVICE_TYPE,
                Metrics.BATTERY_PCT,
                RuleKind.BELOW,
                AlertType.BATTERY_LOW,
                15,
                5,
                0,
                Severity.WARNING,
                true,
                "replace the battery of the wireless sensor"),
            new Rule(
                "FILTER_CLOGGED",
                DeviceType.AIR_HANDLER.name(),
                Metrics.FILTER_PRESSURE_DROP_PA,
                RuleKind.ABOVE,
                AlertType.THRESHOLD,
                400,
                20,
                300,
                Severity.WARNING,
                true,
                "replace the air filter"),
            new Rule(
                "VIBRATION_HIGH",
                DeviceType.AIR_HANDLER.name(),
                Metrics.VIBRATION_MM_S,
                RuleKind.ABOVE,
                AlertType.THRESHOLD,
                7.1,
                0.5,
                60,
                Severity.CRITICAL,
                true,
                "fan bearing or balance problem (ISO 10816 zone C/D)"),
            new Rule(
                "TEMPERATURE_STUCK",
                DeviceType.ZONE_SENSOR.name(),
                Metrics.TEMPERATURE_C,
                RuleKind.STUCK,
                AlertType.STUCK_SENSOR,
                0,
                0,
                1800,
                Severity.WARNING,
                true,
                "the temperature has not changed at all for 30 minutes: check the sensor"),
            new Rule(
                "CHILLED_WATER_SWING",
                DeviceType.CHILLER.name(),
                Metrics.SUPPLY_WATER_TEMP_C,
                RuleKind.RATE_OF_CHANGE,
                AlertType.RATE_OF_CHANGE,
                2,
                0.5,
                0,
                Severity.WARNING,
                true,
                "supply water temperature changing faster than 2 °C per minute")));
  }
}
