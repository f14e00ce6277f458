package io.smartbuilding.contracts.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

  @Test
  void acceptsAndRefusesTheDocumentedCases() {
    assertThat(Identifiers.isValid("b1-f2-zs-01")).isTrue();
    assertThat(Identifiers.isValid("a")).isTrue();
    assertThat(Identifiers.isValid("x".repeat(64))).isTrue();
    assertThat(Identifiers.isValid("x".repeat(65))).isFalse();
    assertThat(Identifiers.isValid("")).isFalse();
    assertThat(Identifiers.isValid(null)).isFalse();
    assertThat(Identifiers.isValid("-a")).isFalse();
    assertThat(Identifiers.isValid("a/b")).isFalse();
    assertThat(Identifiers.isValid("ä")).isFalse();
  }

  @Property(tries = 2000)
  void agreesWithThePattern(@ForAll("candidates") String id) {
    assertThat(Identifiers.isValid(id)).isEqualTo(Identifiers.PATTERN.matcher(id).matches());
  }

  @Provide
  Arbitrary<String> candidates() {
    // Mostly the alphabet and its edges, some other characters, lengths around the limit.
    return Arbitraries.strings()
        .withCharRange('a', 'c').withCharRange('X', 'Z').withCharRange('0', '2')
        .withChars('_', '.', ':', '-', '/', ' ', '#', 'é', '\u0000')
        .ofMinLength(0).ofMaxLength(70);
  }
}
