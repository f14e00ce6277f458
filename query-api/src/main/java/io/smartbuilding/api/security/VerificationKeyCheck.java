package io.smartbuilding.api.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start without a key to verify tokens with. smallrye-jwt would only notice on the first
 * request and answer every /api/ call with 500; a deployment that forgot the Cognito JWKS URL
 * should fail its rollout instead, with a message that says what to set.
 */
@Singleton
class VerificationKeyCheck {

  static final String MISSING =
      "no token verification key: set mp.jwt.verify.publickey.location (MP_JWT_VERIFY_PUBLICKEY_"
          + "LOCATION), in production the Cognito user pool's JWKS URL"
          + " https://cognito-idp.<region>.amazonaws.com/<pool-id>/.well-known/jwks.json, and"
          + " mp.jwt.verify.issuer; on the local stack ./platform up sets them";

  void onStart(
      @Observes StartupEvent start,
      @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> location,
      @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> key) {
    require(location, key);
  }

  static void require(Optional<String> location, Optional<String> key) {
    boolean none =
        location.filter(s -> !s.isBlank()).isEmpty() && key.filter(s -> !s.isBlank()).isEmpty();
    if (none) {
      throw new IllegalStateException(MISSING);
    }
  }
}
