package io.smartbuilding.contracts.telemetry;

/** The kinds of equipment a facility team maintains. The wire value is the constant's name. */
public enum DeviceType {
  AIR_HANDLER,
  CHILLER,
  ZONE_SENSOR,
  ENERGY_METER,
  ELEVATOR
}
