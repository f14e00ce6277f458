package io.smartbuilding.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void nearestRankOfOneToHundredIsTheRankItself() {
    List<Long> samples = new ArrayList<>(LongStream.rangeClosed(1, 100).boxed().toList());
    Collections.shuffle(samples);
    Percentiles p = Percentiles.of(samples);
    assertThat(p.at(50)).isEqualTo(50);
    assertThat(p.at(95)).isEqualTo(95);
    assertThat(p.at(99)).isEqualTo(99);
    assertThat(p.at(100)).isEqualTo(100);
    assertThat(p.count()).isEqualTo(100);
  }

  @Test
  void smallSamplesGiveMeasuredValuesNotInterpolations() {
    Percentiles p = Percentiles.of(List.of(700L, 10L, 300L));
    assertThat(p.at(50)).isEqualTo(300); // rank ceil(1.5) = 2
    assertThat(p.at(99)).isEqualTo(700); // with few samples p99 is the largest
    assertThat(p.at(1)).isEqualTo(10);
  }

  @Test
  void noSamplesIsMinusOneAndBadPercentilesAreRefused() {
    assertThat(Percentiles.of(List.of()).at(50)).isEqualTo(-1);
    assertThatThrownBy(() -> Percentiles.of(List.of(1L)).at(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Percentiles.of(List.of(1L)).at(101))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void trendIsZeroForSteadyLagAndOneForAStalledPipeline() {
    assertThat(Trend.slope(List.of(0.8, 0.9, 0.7, 0.8, 0.9, 0.7)))
        .isCloseTo(0.0, org.assertj.core.data.Offset.offset(0.05));
    assertThat(Trend.slope(List.of(1.0, 2.0, 3.0, 4.0, 5.0)))
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(Trend.slope(List.of(3.0))).isZero();
  }
}
