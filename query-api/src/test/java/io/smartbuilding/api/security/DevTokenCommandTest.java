package io.smartbuilding.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.UUID;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What `./platform token` prints: a token the local profile's verification accepts. */
class DevTokenCommandTest {

  private Path keys;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void freshKeyDir() {
    keys = Path.of("target/unit-jwt/" + UUID.randomUUID());
  }

  @Test
  void printsATokenWithTheCognitoClaimsSignedByTheKeyPair() throws Exception {
    assertThat(run("--create-keys", "--key-dir", keys.toString())).isZero();
    assertThat(out.toString()).isEmpty();

    assertThat(
            run(
                "--key-dir", keys.toString(),
                "--building", "b1,b2",
                "--building", "b3",
                "--role", "technician",
                "--subject", "alice",
                "--ttl", "30m"))
        .isZero();

    JwtClaims claims = verify(out.toString(StandardCharsets.US_ASCII).strip());
    assertThat(claims.getIssuer()).isEqualTo(LocalIssuer.ISSUER);
    assertThat(claims.getSubject()).isEqualTo("alice");
    assertThat(claims.getStringListClaimValue("cognito:groups")).containsExactly("technician");
    assertThat(claims.getStringListClaimValue("custom:buildings"))
        .containsExactly("b1", "b2", "b3");
    long lifetime = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
    assertThat(lifetime).isEqualTo(30 * 60);
  }

  @Test
  void keepsAnExistingKeyPair() throws Exception {
    run("--create-keys", "--key-dir", keys.toString());
    String publicKey = Files.readString(keys.resolve(LocalIssuer.PUBLIC_KEY));
    run("--create-keys", "--key-dir", keys.toString());
    assertThat(Files.readString(keys.resolve(LocalIssuer.PUBLIC_KEY))).isEqualTo(publicKey);
  }

  @Test
  void explainsItselfAndRefusesBadArguments() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("--building ID", "--role ROLE", "--subject NAME");

    assertThat(run("--role", "boss", "--building", "b1")).isEqualTo(2);
    assertThat(err.toString())
        .contains("--role must be viewer, technician or manager (got 'boss')");
    assertThat(run("--role", "viewer")).isEqualTo(2);
    assertThat(err.toString()).contains("give at least one --building");
    assertThat(run("--building", "b1", "--ttl", "soon")).isEqualTo(2);
    assertThat(err.toString()).contains("--ttl must look like 30m, 12h, 7d or PT2H (got 'soon')");
    assertThat(run("--building")).isEqualTo(2);
    assertThat(err.toString()).contains("--building needs a value");
    assertThat(run("--frobnicate")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown option '--frobnicate'");
  }

  private int run(String... args) {
    out.reset();
    err.reset();
    return DevTokenCommand.run(
        args,
        new PrintStream(out, true, StandardCharsets.US_ASCII),
        new PrintStream(err, true, StandardCharsets.US_ASCII));
  }

  private JwtClaims verify(String token) throws Exception {
    String pem = Files.readString(keys.resolve(LocalIssuer.PUBLIC_KEY));
    byte[] der =
        Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    return new JwtConsumerBuilder()
        .setVerificationKey(key)
        .setExpectedIssuer(LocalIssuer.ISSUER)
        .setRequireExpirationTime()
        .setRequireSubject()
        .build()
        .processToClaims(token);
  }
}
