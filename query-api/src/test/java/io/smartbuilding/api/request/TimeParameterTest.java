package io.smartbuilding.api.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartbuilding.api.problem.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimeParameterTest {

  @Test
  void readsAnIsoDateTimeWithAnOffset() {
    assertThat(TimeParameter.parse("from", "2025-03-01T09:00:00+01:00"))
        .contains(Instant.parse("2025-03-01T08:00:00Z"));
    assertThat(TimeParameter.parse("from", "")).isEmpty();
    assertThat(TimeParameter.parse("to", "1970-01-01T00:00:00Z")).contains(Instant.EPOCH);
    assertThat(TimeParameter.parse("to", "9999-12-31T23:59:59.999Z"))
        .map(Instant::toString)
        .isEqualTo(Optional.of("9999-12-31T23:59:59.999Z"));
  }

  @Test
  void refusesInstantsStoredTimesCannotHoldNamingTheParameter() {
    for (String outside :
        List.of(
            "1969-12-31T23:59:59.999Z",
            "0001-01-01T00:00:00Z",
            "-0001-01-01T00:00:00Z",
            "+10000-01-01T00:00:00Z",
            "9999-12-31T23:59:59-01:00")) {
      assertThatThrownBy(() -> TimeParameter.parse("to", outside))
          .as(outside)
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> {
                assertThat(e.problem().status()).isEqualTo(400);
                assertThat(e.problem().parameter()).isEqualTo("to");
                assertThat(e.problem().detail()).contains("'to' must lie between 1970-01-01");
              });
    }
  }
}
