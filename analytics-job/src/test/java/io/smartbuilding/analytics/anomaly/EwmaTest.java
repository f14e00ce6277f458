package io.smartbuilding.analytics.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EwmaTest {

  @Test
  void theFirstValueIsTheMeanWithNoVariance() {
    Ewma e = Ewma.EMPTY.add(5.0, 0.1);

    assertThat(e.count()).isEqualTo(1);
    assertThat(e.mean()).isEqualTo(5.0);
    assertThat(e.variance()).isZero();
  }

  @Test
  void followsTheIncrementalFormulas() {
    // mean += a * d; var = (1 - a) * (var + a * d^2), d = x - mean
    Ewma e = Ewma.EMPTY.add(10, 0.5).add(14, 0.5);
    assertThat(e.mean()).isEqualTo(12.0);
    assertThat(e.variance()).isEqualTo(0.5 * (0 + 4 * 2));

    Ewma next = e.add(12, 0.5);
    assertThat(next.mean()).isEqualTo(12.0);
    assertThat(next.variance()).isEqualTo(0.5 * 4);
  }

  @Test
  void convergesToTheMeanAndVarianceOfAStationarySignal() {
    Ewma e = Ewma.EMPTY;
    for (int i = 0; i < 2000; i++) {
      e = e.add(i % 2 == 0 ? 1.0 : 3.0, 0.01); // mean 2, variance 1
    }
    assertThat(e.mean()).isCloseTo(2.0, within(0.02));
    assertThat(e.variance()).isCloseTo(1.0, within(0.05));
    assertThat(e.zScore(6.0)).isCloseTo(4.0, within(0.1));
  }

  @Test
  void aConstantSignalHasAFloorUnderItsDeviation() {
    Ewma e = Ewma.EMPTY;
    for (int i = 0; i < 50; i++) {
      e = e.add(100.0, 0.1);
    }
    assertThat(e.standardDeviation()).isEqualTo(0.1); // 0.1 % of the mean
    assertThat(e.zScore(100.05)).isCloseTo(0.5, within(1e-9));
    assertThat(Double.isFinite(Ewma.EMPTY.add(0, 0.1).zScore(1))).isTrue();
  }
}
