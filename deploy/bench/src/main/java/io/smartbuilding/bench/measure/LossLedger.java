package io.smartbuilding.bench.measure;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Which acknowledged (device, seq) belong to which step, and whether each step's losses are
 * settled yet. A step claims the seqs acknowledged since the previous claim; its losses are settled
 * (counted against the stream) only after a drain that caught up, because before that a message
 * still queued in the broker or the gateway would count as lost. A step whose drain did not catch
 * up stays unsettled until a later settle, normally the final audit after a long drain at the end
 * of the run. A step's loss is a count of its own missing seqs, so it can never be negative or hide
 * another step's losses.
 */
public final class LossLedger {
  /** How many of a device's seqs the stream does not hold. */
  @FunctionalInterface
  public interface Stream {
    long missing(int deviceIndex, BitSet seqs);
  }

  private final BitSet[] claimed;
  private final List<BitSet[]> steps = new ArrayList<>();
  private final List<Long> lost = new ArrayList<>();

  public LossLedger(int devices) {
    claimed = new BitSet[devices];
    for (int i = 0; i < devices; i++) {
      claimed[i] = new BitSet();
    }
  }

  /**
   * Gives the seqs acknowledged so far ({@code ackedNow}, per device) that no earlier step claimed
   * to a new step, and returns its number.
   */
  public int claim(List<BitSet> ackedNow) {
    BitSet[] seqs = new BitSet[claimed.length];
    for (int i = 0; i < claimed.length; i++) {
      seqs[i] = (BitSet) ackedNow.get(i).clone();
      seqs[i].andNot(claimed[i]);
      claimed[i].or(seqs[i]);
    }
    steps.add(seqs);
    lost.add(-1L);
    return steps.size() - 1;
  }

  /** Counts the step's missing seqs (call after a drain that caught up) and returns them. */
  public long settle(int step, Stream stream) {
    BitSet[] seqs = steps.get(step);
    long missing = 0;
    for (int i = 0; i < seqs.length; i++) {
      missing += stream.missing(i, seqs[i]);
    }
    lost.set(step, missing);
    return missing;
  }

  /** The step's settled loss, or -1 while it is not settled. */
  public long lost(int step) {
    return lost.get(step);
  }

  /** Messages of the step (acknowledged, claimed by it). */
  public long messages(int step) {
    long n = 0;
    for (BitSet s : steps.get(step)) {
      n += s.cardinality();
    }
    return n;
  }

  public List<Integer> unsettled() {
    List<Integer> open = new ArrayList<>();
    for (int i = 0; i < lost.size(); i++) {
      if (lost.get(i) < 0) {
        open.add(i);
      }
    }
    return open;
  }

  /** Messages claimed by steps not settled yet: still to be found in the stream or lost. */
  public long pending() {
    long n = 0;
    for (int step : unsettled()) {
      n += messages(step);
    }
    return n;
  }
}
