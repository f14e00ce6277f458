package io.smartbuilding.contracts.telemetry;

import java.util.List;

/**
 * The metric names each device type reports (camelCase, as in docs/contracts/telemetry.md). The
 * simulator produces them and the analytics rules read them, so both use these constants.
 */
public final class Metrics {

  /** Reported by every type except the energy meter; the analytics job alerts on it. */
  public static final String TEMPERATURE_C = "temperatureC";

  public static final String HUMIDITY_PCT = "humidityPct";
  public static final String CO2_PPM = "co2Ppm";
  public static final String OCCUPANCY = "occupancy";

  public static final String SUPPLY_AIR_TEMP_C = "supplyAirTempC";
  public static final String FAN_SPEED_PCT = "fanSpeedPct";
  public static final String VIBRATION_MM_S = "vibrationMmS";
  public static final String FILTER_PRESSURE_DROP_PA = "filterPressureDropPa";

  public static final String SUPPLY_WATER_TEMP_C = "supplyWaterTempC";
  public static final String RETURN_WATER_TEMP_C = "returnWaterTempC";
  public static final String COMPRESSOR_CURRENT_A = "compressorCurrentA";

  public static final String POWER_KW = "powerKw";
  public static final String ENERGY_KWH = "energyKwh";

  public static final String TRIPS = "trips";
  public static final String DOOR_FAULTS = "doorFaults";

  /** Battery-powered (wireless) devices only, whatever their type; not in {@link #reportedBy}. */
  public static final String BATTERY_PCT = "batteryPct";

  private Metrics() {}

  public static List<String> reportedBy(DeviceType type) {
    return switch (type) {
      case ZONE_SENSOR -> List.of(TEMPERATURE_C, HUMIDITY_PCT, CO2_PPM, OCCUPANCY);
      case AIR_HANDLER ->
          List.of(
              TEMPERATURE_C,
              SUPPLY_AIR_TEMP_C,
              FAN_SPEED_PCT,
              VIBRATION_MM_S,
              FILTER_PRESSURE_DROP_PA);
      case CHILLER ->
          List.of(TEMPERATURE_C, SUPPLY_WATER_TEMP_C, RETURN_WATER_TEMP_C, COMPRESSOR_CURRENT_A);
      case ENERGY_METER -> List.of(POWER_KW, ENERGY_KWH);
      case ELEVATOR -> List.of(TRIPS, DOOR_FAULTS, TEMPERATURE_C);
    };
  }

  public static boolean reportsTemperature(DeviceType type) {
    return reportedBy(type).contains(TEMPERATURE_C);
  }
}
