package io.smartbuilding.api.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartbuilding.api.problem.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifierTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a",
        "hq-berlin",
        "B7",
        "dev_1.2:3-x",
        "0123456789012345678901234567890123456789012345678901234567890123"
      })
  void acceptsTheContractAlphabet(String id) {
    assertThat(Identifier.requireValid("deviceId", id)).isEqualTo(id);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "-a",
        ".a",
        "a b",
        "a/b",
        "a#b",
        "ä",
        "01234567890123456789012345678901234567890123456789012345678901234"
      })
  void refusesEverythingElse(String id) {
    assertThatThrownBy(() -> Identifier.requireValid("deviceId", id))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(400);
              assertThat(e.problem().parameter()).isEqualTo("deviceId");
            });
  }

  @org.junit.jupiter.api.Test
  void documentsTheSameAlphabetAsTheContract() {
    assertThat(Identifier.OPENAPI_PATTERN)
        .isEqualTo("^" + io.smartbuilding.contracts.telemetry.Identifiers.PATTERN.pattern() + "$");
  }
}
