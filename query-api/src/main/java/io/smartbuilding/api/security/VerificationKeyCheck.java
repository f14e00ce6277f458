package io.smartbuilding.api.security;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Refuses to start without a key to verify tokens with, and outside the local profiles (local, dev,
 * test) without the issuer those keys sign for. smallrye-jwt would only notice on the first
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

  static final String MISSING_ISSUER =
      "no token issuer: set mp.jwt.verify.issuer (MP_JWT_VERIFY_ISSUER), for Cognito"
          + " https://cognito-idp.<region>.amazonaws.com/<pool-id>; without it a token signed by"
          + " any key the JWKS URL serves would pass, whatever its iss";

  /** Profiles whose issuer is set in application.properties, to a key pair made on the spot. */
  private static final Set<String> LOCAL_PROFILES = Set.of("local", "dev", "test");

  private static final Logger LOG = Logger.getLogger(VerificationKeyCheck.class);

  void onStart(
      @Observes StartupEvent start,
      @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> location,
      @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> key,
      @ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> issuer,
      @ConfigProperty(name = "mp.jwt.verify.audiences") Optional<List<String>> audiences) {
    require(location, key);
    if (production(ConfigUtils.getProfiles())) {
      requireIssuer(issuer);
      if (audiences.filter(a -> !a.isEmpty()).isEmpty()) {
        LOG.warn(
            "mp.jwt.verify.audiences is not set: tokens of every app client of the user pool are"
                + " accepted; set it to the app client id (Cognito ID tokens carry it in aud)");
      }
    }
  }

  static void require(Optional<String> location, Optional<String> key) {
    boolean none =
        location.filter(s -> !s.isBlank()).isEmpty() && key.filter(s -> !s.isBlank()).isEmpty();
    if (none) {
      throw new IllegalStateException(MISSING);
    }
  }

  static boolean production(List<String> activeProfiles) {
    return activeProfiles.stream().noneMatch(LOCAL_PROFILES::contains);
  }

  /** Outside the local profiles: the issuer must be pinned too. */
  static void requireIssuer(Optional<String> issuer) {
    if (issuer.filter(s -> !s.isBlank()).isEmpty()) {
      throw new IllegalStateException(MISSING_ISSUER);
    }
  }
}
