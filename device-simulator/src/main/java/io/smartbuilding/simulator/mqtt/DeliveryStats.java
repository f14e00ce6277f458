package io.smartbuilding.simulator.mqtt;

/**
 * Delivery counts since the start of a run.
 *
 * @param sent readings the client accepted for delivery
 * @param acked readings the broker acknowledged (QoS 1), or the client wrote to the socket (QoS 0)
 * @param refused readings the client refused at once, e.g. while disconnected; they are lost
 * @param lost accepted readings whose delivery failed later
 */
public record DeliveryStats(long sent, long acked, long refused, long lost) {

  public static final DeliveryStats ZERO = new DeliveryStats(0, 0, 0, 0);

  public long failed() {
    return refused + lost;
  }

  /** Accepted but neither acknowledged nor failed yet: in flight, or lost without a word. */
  public long notAcknowledged() {
    return Math.max(0, sent - acked - lost);
  }
}
