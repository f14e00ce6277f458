package io.smartbuilding.simulator;

import io.smartbuilding.contracts.telemetry.RejectReason;
import io.smartbuilding.contracts.telemetry.Telemetry;
import io.smartbuilding.simulator.fault.Fault;
import io.smartbuilding.simulator.fault.MalformedBurst;
import io.smartbuilding.simulator.fleet.Device;
import io.smartbuilding.simulator.physics.DeviceModel;
import java.time.Instant;
import java.util.Optional;

/**
 * A device in a run: its physics, its fault and its message counter. Not thread-safe; the scheduler
 * calls one device from one thread, never concurrently. Kept small: a run may hold 100,000.
 */
public final class SimulatedDevice {

  private final Device device;
  private final DeviceModel model;
  private final Fault fault;
  private final MalformedBurst malformed;
  private long seq;

  public SimulatedDevice(Device device, DeviceModel model, Fault fault) {
    this(device, model, fault, null);
  }

  /**
   * @param malformed the device's burst of malformed messages, or null for none
   */
  public SimulatedDevice(Device device, DeviceModel model, Fault fault, MalformedBurst malformed) {
    this.device = device;
    this.model = model;
    this.fault = fault;
    this.malformed = malformed;
  }

  /**
   * The reading the device sends at {@code now}, or empty when it sends nothing. Sequence numbers
   * start at 1 and count only readings sent, so a gap downstream means a lost message.
   */
  public Optional<Telemetry> next(Instant now) {
    return fault
        .apply(model.sample(now), now)
        .map(
            metrics ->
                new Telemetry(
                    device.id(),
                    device.buildingId(),
                    device.floor(),
                    device.zone(),
                    device.type(),
                    now,
                    ++seq,
                    metrics));
  }

  /**
   * Whether the reading produced at {@code now} goes out spoiled, and how. Such a reading keeps
   * its sequence number, so downstream it shows as a gap.
   */
  public Optional<RejectReason> malformedAt(Instant now) {
    return malformed == null ? Optional.empty() : malformed.next(now);
  }

  public Device device() {
    return device;
  }

  /** The sequence number of the last reading sent, 0 before the first. */
  public long lastSeq() {
    return seq;
  }
}
