package io.smartbuilding.simulator.fault;

import io.smartbuilding.contracts.telemetry.DeviceType;
import io.smartbuilding.contracts.telemetry.Metrics;
import io.smartbuilding.simulator.fleet.Device;
import java.time.Duration;
import java.time.Instant;

/** The faults a maintenance team cares about, and which devices can suffer each. */
public enum FaultKind {
  /** Motor or compressor {@code temperatureC} climbs to ~76-79 °C in 15 s. */
  OVERHEAT("air handlers and chillers"),
  /** The device stops sending (dead, unplugged, off the network). */
  SILENT("any device"),
  /** {@code temperatureC} reads 0.3 °C/min too high, up to +8 °C: a sensor out of calibration. */
  SENSOR_DRIFT("devices reporting temperatureC"),
  /** Every metric freezes at its value at onset. */
  STUCK_VALUE("any device"),
  /** {@code vibrationMmS} grows quadratically (doubling in 5 min) up to 18 mm/s. */
  BEARING_WEAR("air handlers"),
  /** {@code filterPressureDropPa} climbs 10 Pa/min, up to +400 Pa. */
  CLOGGED_FILTER("air handlers"),
  /** 30 % of the readings are lost, at random (seeded). */
  DROPOUTS("any device"),
  /** {@code batteryPct} falls to 0 in 5 min; the device goes silent below 2 %. */
  BATTERY_DRAIN("battery-powered (wireless) zone sensors"),
  /**
   * The device sends payloads that break the contract, one per reading, cycling through the
   * contract's reject reasons, for the gateway's bad-input path.
   */
  MALFORMED_BURST("any device");

  /** Readings a malformed burst replaces unless a scenario says otherwise. */
  public static final int DEFAULT_BURST = 16;

  private final String eligible;

  FaultKind(String eligible) {
    this.eligible = eligible;
  }

  /** Who can suffer this fault, for error messages. */
  public String eligible() {
    return eligible;
  }

  public boolean appliesTo(Device device) {
    DeviceType type = device.type();
    return switch (this) {
      case OVERHEAT -> type == DeviceType.AIR_HANDLER || type == DeviceType.CHILLER;
      case SENSOR_DRIFT -> Metrics.reportsTemperature(type);
      case BEARING_WEAR, CLOGGED_FILTER -> type == DeviceType.AIR_HANDLER;
      case BATTERY_DRAIN -> device.batteryPowered();
      case SILENT, STUCK_VALUE, DROPOUTS, MALFORMED_BURST -> true;
    };
  }

  /**
   * The fault's effect on readings. For {@link #MALFORMED_BURST} readings stay healthy: the
   * simulation replaces whole messages instead (see {@link MalformedBurst}).
   *
   * @param seed makes random parts (overheat peak, which readings drop) repeatable per device
   */
  public Fault create(Instant onset, long seed) {
    return switch (this) {
      case OVERHEAT ->
          new Overheat(onset, Overheat.DEFAULT_RAMP, 76 + 3 * new java.util.Random(seed).nextDouble());
      case SILENT -> new Silence(onset);
      case SENSOR_DRIFT -> new Drift(Metrics.TEMPERATURE_C, onset, 0.3, 8);
      case STUCK_VALUE -> new StuckValue(onset);
      case BEARING_WEAR -> new BearingWear(onset, Duration.ofMinutes(5));
      case CLOGGED_FILTER -> new Drift(Metrics.FILTER_PRESSURE_DROP_PA, onset, 10, 400);
      case DROPOUTS -> new Dropouts(onset, 0.3, seed);
      case BATTERY_DRAIN -> new BatteryDrain(onset, Duration.ofMinutes(5));
      case MALFORMED_BURST -> Fault.NONE;
    };
  }
}
