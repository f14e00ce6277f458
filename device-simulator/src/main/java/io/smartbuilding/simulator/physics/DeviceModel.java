package io.smartbuilding.simulator.physics;

import io.smartbuilding.contracts.telemetry.Metrics;
import io.smartbuilding.simulator.fleet.Device;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Random;

/**
 * The healthy behaviour of one device: what it measures at a given instant. Models keep state
 * (counters, slow-moving values such as CO2), so each device owns one instance and calls {@link
 * #sample} with non-decreasing instants from one thread at a time.
 */
public interface DeviceModel {

  /**
   * The readings at {@code now}, metric name to value, in the order of {@link Metrics#reportedBy}.
   */
  Map<String, Double> sample(Instant now);

  /**
   * The model for a device. Each device's character (setpoint, load, noise) comes from the seed and
   * its id, so the same seed gives the same fleet behaviour.
   *
   * @param zone the time zone whose office hours and daily cycle the building follows
   */
  static DeviceModel of(Device device, long seed, ZoneId zone) {
    Random random = new Random(seed * 31 + device.id().hashCode());
    DailyCycle cycle = DailyCycle.of(zone);
    return switch (device.type()) {
      case ZONE_SENSOR -> new ZoneSensorModel(cycle, random, device.batteryPowered());
      case AIR_HANDLER -> new AirHandlerModel(cycle, random);
      case CHILLER -> new ChillerModel(cycle, random);
      case ENERGY_METER -> new EnergyMeterModel(cycle, random);
      case ELEVATOR -> new ElevatorModel(cycle, random);
    };
  }
}
