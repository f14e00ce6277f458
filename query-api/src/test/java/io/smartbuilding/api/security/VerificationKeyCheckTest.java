package io.smartbuilding.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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

  @Test
  void requiresTheIssuerOnlyOutsideTheLocalProfiles() {
    assertThat(VerificationKeyCheck.production(List.of("prod"))).isTrue();
    assertThat(VerificationKeyCheck.production(List.of("kubernetes", "prod"))).isTrue();
    for (String local : List.of("local", "dev", "test")) {
      assertThat(VerificationKeyCheck.production(List.of(local))).as(local).isFalse();
    }
  }

  @Test
  void refusesToStartInProductionWithoutAnIssuerAndSaysWhatToSet() {
    for (Optional<String> missing : List.of(Optional.<String>empty(), Optional.of("  "))) {
      assertThatThrownBy(() -> VerificationKeyCheck.requireIssuer(missing))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("mp.jwt.verify.issuer")
          .hasMessageContaining("MP_JWT_VERIFY_ISSUER");
    }
    assertThatCode(
            () ->
                VerificationKeyCheck.requireIssuer(
                    Optional.of("https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_abc")))
        .doesNotThrowAnyException();
  }
}
