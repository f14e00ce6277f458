package io.smartbuilding.analytics.health;

/**
 * The sequence numbers a device's accepted readings carried, as an anti-replay window (the one
 * IPsec uses): the highest seq seen and a bit per seq in the {@value #SIZE} below it. A bounded
 * amount of state per device tells a redelivered message from an out-of-order one.
 *
 * <p>A reading whose ts is newer than the device's newest one is always new (a device that restarts
 * resets its seq but its clock moves on). One that is not newer is a duplicate when its seq is
 * marked in the window, or below the window (too old to tell: at-least-once delivery makes a
 * redelivery far likelier than a reading 64 messages out of order); otherwise it is an out-of-order
 * reading that was never seen.
 *
 * @param highestSeq the highest seq accepted since the device's last restart
 * @param seen bit i set when seq {@code highestSeq - i} was accepted
 */
public record SeqWindow(long highestSeq, long seen) {

  static final int SIZE = Long.SIZE;

  /** How a reading relates to what the device already sent. */
  public enum Delivery {
    /** Newer (by ts) than anything accepted. */
    NEW,
    /** Not newer, but a seq never seen: counted, and it does not move the device's state back. */
    OUT_OF_ORDER,
    /** A redelivery. */
    DUPLICATE
  }

  /** The window of a device whose only accepted reading carried {@code seq}. */
  public static SeqWindow first(long seq) {
    return new SeqWindow(seq, 1L);
  }

  /** How a reading with {@code seq} relates to the window; {@code newer}: its ts is the newest. */
  public Delivery classify(long seq, boolean newer) {
    if (newer) {
      return Delivery.NEW;
    }
    if (seq > highestSeq) {
      return Delivery.OUT_OF_ORDER;
    }
    long behind = highestSeq - seq;
    if (behind >= SIZE || (seen & (1L << behind)) != 0) {
      return Delivery.DUPLICATE;
    }
    return Delivery.OUT_OF_ORDER;
  }

  /** The window after accepting {@code seq}. */
  public SeqWindow accept(long seq) {
    if (seq > highestSeq) {
      long shift = seq - highestSeq;
      return new SeqWindow(seq, (shift >= SIZE ? 0L : seen << shift) | 1L);
    }
    long behind = highestSeq - seq;
    if (behind >= SIZE) {
      return first(seq); // a newer reading with a much lower seq: the device restarted
    }
    return new SeqWindow(highestSeq, seen | (1L << behind));
  }
}
