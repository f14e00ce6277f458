package io.smartbuilding.api.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerificationKeyCheckTest {

  @Test
  void startsWithAKeyLocationOrAnInlineKey() {
    assertThatCode(
            () ->
                VerificationKeyCheck.require(
                    Optional.of(
                        "https://cognito-idp.eu-central-1.amazonaws.com/p/.well-known/jwks.json"),
                    Optional.empty()))
        .doesNotThrowAnyException();
    assertThatCode(() -> VerificationKeyCheck.require(Optional.empty(), Optional.of("MIIB...")))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesToStartWithoutOneAndSaysWhatToSet() {
    assertThatThrownBy(() -> VerificationKeyCheck.require(Optional.empty(), Optional.of(" ")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("mp.jwt.verify.publickey.location")
        .hasMessageContaining("jwks.json");
  }
}
