package io.smartbuilding.api.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The token claims query-api reads beyond the standard ones, under {@code smartbuilding.auth}. The
 * signature, issuer and expiry are smallrye-jwt's ({@code mp.jwt.verify.*}); the roles claim is
 * {@code smallrye.jwt.path.groups}.
 */
@ConfigMapping(prefix = "smartbuilding.auth")
public interface AuthConfig {

  /**
   * The claim listing the caller's buildings: a JSON array of ids or one string of ids separated by
   * commas or spaces (Cognito custom attributes are strings). {@code *} means every building and
   * counts only in a manager's token.
   */
  @WithDefault("custom:buildings")
  String buildingsClaim();

  /**
   * The claim naming the caller in audit trails. Cognito's {@code sub} is a UUID; {@code
   * cognito:username} (ID tokens), {@code username} (access tokens) or {@code email} read better.
   * Falls back to {@code sub} when the token lacks it.
   */
  @WithDefault("sub")
  String subjectClaim();
}
