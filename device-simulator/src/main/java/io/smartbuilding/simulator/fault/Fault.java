package io.smartbuilding.simulator.fault;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Something wrong with a device: it turns the healthy reading the physics produced into what the
 * device actually reports. A fault can change values (overheat, later drift or a stuck sensor) or
 * swallow the reading (silence). Faults compose with {@link #andThen}.
 *
 * <p>A fault instance belongs to one device and may keep state, like a device model.
 */
@FunctionalInterface
public interface Fault {

  /** A healthy device. */
  Fault NONE = (healthy, now) -> Optional.of(healthy);

  /**
   * What the device reports at {@code now}.
   *
   * @param healthy the reading of a healthy device at {@code now}
   * @return the reported metrics, or empty when the device sends nothing
   */
  Optional<Map<String, Double>> apply(Map<String, Double> healthy, Instant now);

  default Fault andThen(Fault next) {
    return (healthy, now) -> apply(healthy, now).flatMap(changed -> next.apply(changed, now));
  }
}
