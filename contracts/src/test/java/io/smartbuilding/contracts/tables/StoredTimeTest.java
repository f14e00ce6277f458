package io.smartbuilding.contracts.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredTimeTest {

  @Test
  void writesFixedWidthSoThatStringOrderIsTimeOrder() {
    List<Instant> times = List.of(
        Instant.parse("2026-11-25T08:15:30Z"),
        Instant.parse("2026-11-25T08:15:30.5Z"),
        Instant.parse("2026-11-25T08:15:30.123456Z"));

    assertThat(times).extracting(StoredTime::format)
        .containsExactly("2026-11-25T08:15:30.000Z", "2026-11-25T08:15:30.500Z",
            "2026-11-25T08:15:30.123Z")
        .allSatisfy(s -> assertThat(s).hasSize(24));
    assertThat(StoredTime.format(times.get(0))).isLessThan(StoredTime.format(times.get(1)));
    assertThat(StoredTime.parse(StoredTime.format(times.get(1)))).isEqualTo(times.get(1));
  }
}
