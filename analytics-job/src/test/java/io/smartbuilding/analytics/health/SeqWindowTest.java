package io.smartbuilding.analytics.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartbuilding.analytics.health.SeqWindow.Delivery;
import org.junit.jupiter.api.Test;

class SeqWindowTest {

  @Test
  void aSeenSeqIsADuplicateAndAGapIsOutOfOrder() {
    SeqWindow window = SeqWindow.first(10).accept(12);

    assertThat(window.classify(12, false)).isEqualTo(Delivery.DUPLICATE);
    assertThat(window.classify(10, false)).isEqualTo(Delivery.DUPLICATE);
    assertThat(window.classify(11, false)).isEqualTo(Delivery.OUT_OF_ORDER);
    assertThat(window.classify(13, false)).isEqualTo(Delivery.OUT_OF_ORDER);
    assertThat(window.accept(11).classify(11, false)).isEqualTo(Delivery.DUPLICATE);
  }

  @Test
  void aNewerReadingIsNewWhateverItsSeq() {
    assertThat(SeqWindow.first(500).classify(0, true)).isEqualTo(Delivery.NEW);
    assertThat(SeqWindow.first(500).accept(0)).isEqualTo(SeqWindow.first(0)); // a restart
  }

  @Test
  void aSeqBelowTheWindowIsTakenForARedelivery() {
    SeqWindow window = SeqWindow.first(100).accept(100 + SeqWindow.SIZE);

    assertThat(window.classify(100 + SeqWindow.SIZE - 1, false)).isEqualTo(Delivery.OUT_OF_ORDER);
    assertThat(window.classify(100, false)).isEqualTo(Delivery.DUPLICATE);
    assertThat(window.classify(99, false)).isEqualTo(Delivery.DUPLICATE);
  }

  @Test
  void theWindowSlidesWithTheHighestSeq() {
    SeqWindow window = SeqWindow.first(1);
    for (long seq = 2; seq <= 200; seq++) {
      window = window.accept(seq);
    }
    assertThat(window.highestSeq()).isEqualTo(200);
    assertThat(window.seen()).isEqualTo(-1L); // the last 64 all seen
  }
}
