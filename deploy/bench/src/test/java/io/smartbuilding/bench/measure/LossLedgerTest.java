package io.smartbuilding.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class LossLedgerTest {
  /** Two devices; the "stream" holds what a test puts into {@code stored}. */
  private final List<BitSet> acked = List.of(new BitSet(), new BitSet());

  private final List<BitSet> stored = List.of(new BitSet(), new BitSet());
  private final LossLedger.Stream stream =
      (device, seqs) -> {
        BitSet missing = (BitSet) seqs.clone();
        missing.andNot(stored.get(device));
        return missing.cardinality();
      };

  private void ack(int device, int from, int to) {
    acked.get(device).set(from, to + 1);
  }

  private void store(int device, int from, int to) {
    stored.get(device).set(from, to + 1);
  }

  private List<BitSet> ackedNow() {
    List<BitSet> copy = new ArrayList<>();
    acked.forEach(b -> copy.add((BitSet) b.clone()));
    return copy;
  }

  @Test
  void aStepCountsOnlyItsOwnMissingMessages() {
    LossLedger ledger = new LossLedger(2);
    ack(0, 1, 10);
    ack(1, 1, 10);
    store(0, 1, 10);
    store(1, 1, 8); // 9 and 10 lost
    int first = ledger.claim(ackedNow());
    assertThat(ledger.settle(first, stream)).isEqualTo(2);

    ack(0, 11, 20);
    store(0, 11, 20);
    int second = ledger.claim(ackedNow());
    // the first step's losses are not counted again
    assertThat(ledger.messages(second)).isEqualTo(10);
    assertThat(ledger.settle(second, stream)).isZero();
    assertThat(ledger.unsettled()).isEmpty();
  }

  @Test
  void aStepThatDidNotDrainStaysOpenAndTheNextStepStillShowsItsOwnLosses() {
    LossLedger ledger = new LossLedger(2);
    ack(0, 1, 100);
    store(0, 1, 40); // 60 still queued when the drain gives up
    int slow = ledger.claim(ackedNow());
    // not settled: no count for it yet, instead of 60 false losses
    assertThat(ledger.lost(slow)).isEqualTo(-1);
    assertThat(ledger.pending()).isEqualTo(100);

    // Next step: the queue catches up, and this step really loses 3 of its own.
    store(0, 41, 100);
    ack(1, 1, 50);
    store(1, 1, 47);
    int next = ledger.claim(ackedNow());
    // The old cumulative bookkeeping gave 3 - 60 = -57 here, hiding the loss.
    assertThat(ledger.settle(next, stream)).isEqualTo(3);
    assertThat(ledger.unsettled()).containsExactly(slow);

    // The final audit settles the slow step: everything arrived in the end.
    assertThat(ledger.settle(slow, stream)).isZero();
    assertThat(ledger.unsettled()).isEmpty();
    assertThat(ledger.pending()).isZero();
  }

  @Test
  void anAcknowledgementArrivingAfterAClaimBelongsToTheNextClaim() {
    LossLedger ledger = new LossLedger(2);
    ack(0, 1, 5);
    int first = ledger.claim(ackedNow());
    ack(0, 6, 6); // late ack of the first step's last message
    int second = ledger.claim(ackedNow());
    assertThat(ledger.messages(first)).isEqualTo(5);
    assertThat(ledger.messages(second)).isEqualTo(1);
    assertThat(ledger.settle(second, stream)).isEqualTo(1); // not stored: lost, and only once
    assertThat(ledger.settle(first, stream)).isEqualTo(5);
  }
}
