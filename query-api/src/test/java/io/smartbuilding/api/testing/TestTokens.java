package io.smartbuilding.api.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smartbuilding.api.security.LocalIssuer;
import io.smartbuilding.api.security.Role;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Authorization header values ({@code "Bearer eyJ..."}) for tests, signed by a key pair that exists
 * only under target/ ({@link #KEY_DIR}, created on first use; the %test profile points
 * mp.jwt.verify.publickey.location at its public half). The claims are the ones Cognito writes:
 * roles in {@code cognito:groups}, buildings in {@code custom:buildings}.
 *
 * <pre>{@code
 * given().header("Authorization", TestTokens.viewer("hq-berlin")).get("/api/v1/buildings")
 * }</pre>
 */
public final class TestTokens {

  /** Where the test key pair lives; application.properties' %test profile names the same path. */
  public static final Path KEY_DIR = Path.of("target/test-jwt");

  /** The issuer the %test profile trusts. */
  public static final String ISSUER = "urn:smartbuilding:test";

  public static final String AUTHORIZATION = "Authorization";

  private TestTokens() {}

  /** A valid token of {@code subject} with {@code role} for these buildings ({@code *}: all). */
  public static String bearer(String subject, Role role, String... buildingIds) {
    return "Bearer " + token(subject, List.of(role.claimValue()), buildingIds, lifetime(), key());
  }

  public static String viewer(String... buildingIds) {
    return bearer("vera.viewer", Role.VIEWER, buildingIds);
  }

  public static String technician(String... buildingIds) {
    return bearer("theo.technician", Role.TECHNICIAN, buildingIds);
  }

  /** A manager of these buildings; with none given, of every building ({@code *}). */
  public static String manager(String... buildingIds) {
    return bearer(
        "maria.manager", Role.MANAGER, buildingIds.length == 0 ? new String[] {"*"} : buildingIds);
  }

  /** Signed by the trusted key but expired an hour ago. */
  public static String expired(Role role, String... buildingIds) {
    Instant anHourAgo = Instant.now().minusSeconds(3600);
    return "Bearer "
        + Jwt.issuer(ISSUER)
            .subject("eve.expired")
            .claim(LocalIssuer.GROUPS_CLAIM, List.of(role.claimValue()))
            .claim(LocalIssuer.BUILDINGS_CLAIM, List.of(buildingIds))
            .issuedAt(anHourAgo.minusSeconds(600))
            .expiresAt(anHourAgo)
            .jws()
            .sign(key());
  }

  /** Well formed and unexpired, but signed by a key the API does not trust. */
  public static String forged(Role role, String... buildingIds) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      PrivateKey stranger = generator.generateKeyPair().getPrivate();
      return "Bearer "
          + token("mallory", List.of(role.claimValue()), buildingIds, lifetime(), stranger);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Valid, but its groups name no role the API knows. */
  public static String withoutRole(String... buildingIds) {
    return "Bearer " + token("nora.norole", List.of("guests"), buildingIds, lifetime(), key());
  }

  /** Trusted signature, wrong issuer. */
  public static String otherIssuer(Role role, String... buildingIds) {
    return "Bearer "
        + Jwt.issuer("https://attacker.example")
            .subject("ivan.issuer")
            .claim(LocalIssuer.GROUPS_CLAIM, List.of(role.claimValue()))
            .claim(LocalIssuer.BUILDINGS_CLAIM, List.of(buildingIds))
            .expiresIn(lifetime())
            .jws()
            .sign(key());
  }

  /** Unsigned ({@code "alg":"none"}), with claims that would otherwise pass. */
  public static String unsigned(Role role, String... buildingIds) {
    return "Bearer "
        + encoded("{\"alg\":\"none\",\"typ\":\"JWT\"}", true, role, buildingIds)
        + ".";
  }

  /**
   * HS256, keyed with the trusted public key file: the algorithm confusion attack on verifiers that
   * take the algorithm from the token.
   */
  public static String hmacWithPublicKey(Role role, String... buildingIds) {
    ensureKeys();
    try {
      String body =
          encoded("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", true, role, buildingIds);
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(
          new javax.crypto.spec.SecretKeySpec(
              java.nio.file.Files.readAllBytes(KEY_DIR.resolve(LocalIssuer.PUBLIC_KEY)),
              "HmacSHA256"));
      byte[] signature = mac.doFinal(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      return "Bearer " + body + "." + base64Url(signature);
    } catch (java.io.IOException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Signed (RS256) by the trusted key, but without an exp claim: it would never expire. Built by
   * hand, as smallrye's Jwt builder adds an exp to every token.
   */
  public static String withoutExpiry(Role role, String... buildingIds) {
    try {
      String body =
          encoded("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", false, role, buildingIds);
      java.security.Signature rsa = java.security.Signature.getInstance("SHA256withRSA");
      rsa.initSign(key());
      rsa.update(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      return "Bearer " + body + "." + base64Url(rsa.sign());
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code ttl} from now: for streams that must end with their token. */
  public static String shortLived(String subject, Role role, Duration ttl, String... buildingIds) {
    return "Bearer " + token(subject, List.of(role.claimValue()), buildingIds, ttl, key());
  }

  private static String encoded(
      String header, boolean withExpiry, Role role, String... buildingIds) {
    long now = Instant.now().getEpochSecond();
    String buildings =
        String.join(",", java.util.Arrays.stream(buildingIds).map(b -> "\"" + b + "\"").toList());
    String claims =
        "{\"iss\":\"%s\",\"sub\":\"mallory\",\"iat\":%d,%s\"%s\":[\"%s\"],\"%s\":[%s]}"
            .formatted(
                ISSUER,
                now,
                withExpiry ? "\"exp\":" + (now + 600) + "," : "",
                LocalIssuer.GROUPS_CLAIM,
                role.claimValue(),
                LocalIssuer.BUILDINGS_CLAIM,
                buildings);
    return base64Url(header.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        + "."
        + base64Url(claims.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static String base64Url(byte[] bytes) {
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Any claims, signed by the trusted key: for claim shapes the helpers above do not cover. */
  public static String signed(JwtClaimsBuilder claims) {
    return "Bearer " + claims.jws().sign(key());
  }

  /** Makes sure the key pair exists; the application's startup calls it before any request. */
  public static void ensureKeys() {
    LocalIssuer.createKeysIfMissing(KEY_DIR);
  }

  private static String token(
      String subject, List<String> groups, String[] buildingIds, Duration ttl, PrivateKey key) {
    return Jwt.issuer(ISSUER)
        .subject(subject)
        .claim(LocalIssuer.GROUPS_CLAIM, groups)
        .claim(LocalIssuer.BUILDINGS_CLAIM, List.of(buildingIds))
        .expiresIn(ttl)
        .jws()
        .sign(key);
  }

  private static Duration lifetime() {
    return Duration.ofMinutes(30);
  }

  private static PrivateKey key() {
    ensureKeys();
    return LocalIssuer.privateKey(KEY_DIR);
  }
}
