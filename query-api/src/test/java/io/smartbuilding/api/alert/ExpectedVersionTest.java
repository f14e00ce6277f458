package io.smartbuilding.api.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartbuilding.api.problem.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectedVersionTest {

  @Test
  void readsTheETagInEachFormClientsSend() {
    assertThat(ExpectedVersion.of("\"3\"", null)).isEqualTo(3);
    assertThat(ExpectedVersion.of("W/\"3\"", null)).isEqualTo(3);
    assertThat(ExpectedVersion.of(" 3 ", null)).isEqualTo(3);
    assertThat(ExpectedVersion.of(null, 4L)).isEqualTo(4);
    assertThat(ExpectedVersion.of("\"4\"", 4L)).isEqualTo(4);
    // The ETag as GET sends it: version, dash, updatedAt millis.
    assertThat(ExpectedVersion.of("\"3-1740816930123\"", null)).isEqualTo(3);
    assertThat(ExpectedVersion.of("W/\"3-1740816930123\"", 3L)).isEqualTo(3);
  }

  @Test
  void refusesMissingMalformedAndContradictoryVersions() {
    assertThatThrownBy(() -> ExpectedVersion.of(null, null))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(428));
    for (String bad : List.of("\"3-x\"", "\"-1\"", "\"3-\"")) {
      assertThatThrownBy(() -> ExpectedVersion.of(bad, null))
          .as(bad)
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> assertThat(e.problem().parameter()).isEqualTo("If-Match"));
    }
    assertThatThrownBy(() -> ExpectedVersion.of("*", null))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.problem().parameter()).isEqualTo("If-Match"));
    assertThatThrownBy(() -> ExpectedVersion.of("\"2\"", 3L))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e ->
                assertThat(e.problem().detail())
                    .isEqualTo("If-Match (2) and the body's version (3) disagree"));
    assertThatThrownBy(() -> ExpectedVersion.of(null, -1L))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.problem().parameter()).isEqualTo("version"));
  }
}
