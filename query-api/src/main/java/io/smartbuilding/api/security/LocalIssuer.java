package io.smartbuilding.api.security;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The token issuer of the local stack, standing in for Cognito: an RSA key pair in a directory
 * (created by {@code ./platform up} in its state directory, never committed) and tokens with the
 * claims Cognito would write ({@code cognito:groups}, {@code custom:buildings}). query-api verifies
 * them with {@code mp.jwt.verify.publickey.location} pointing at {@link #PUBLIC_KEY}.
 */
public final class LocalIssuer {

  public static final String ISSUER = "urn:smartbuilding:local";
  public static final String PRIVATE_KEY = "private-key.pem";
  public static final String PUBLIC_KEY = "public-key.pem";
  public static final String GROUPS_CLAIM = "cognito:groups";
  public static final String BUILDINGS_CLAIM = "custom:buildings";

  private final PrivateKey signingKey;
  private final String issuer;

  private LocalIssuer(PrivateKey signingKey, String issuer) {
    this.signingKey = signingKey;
    this.issuer = issuer;
  }

  /**
   * Creates the key pair in {@code dir} unless it is there. Each file appears whole (written aside,
   * then moved); two processes creating keys in the same directory at once are not supported.
   */
  public static void createKeysIfMissing(Path dir) {
    if (Files.exists(dir.resolve(PUBLIC_KEY)) && Files.exists(dir.resolve(PRIVATE_KEY))) {
      return;
    }
    try {
      Files.createDirectories(dir);
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      // Private key first: a reader that sees the public key finds its private half too.
      publish(dir, PRIVATE_KEY, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
      publish(dir, PUBLIC_KEY, pem("PUBLIC KEY", pair.getPublic().getEncoded()), false);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate an RSA key pair", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the key pair to " + dir, e);
    }
  }

  public static LocalIssuer fromKeys(Path dir, String issuer) {
    return new LocalIssuer(privateKey(dir), issuer);
  }

  /** The private half of the key pair in {@code dir}. */
  public static PrivateKey privateKey(Path dir) {
    Path file = dir.resolve(PRIVATE_KEY);
    try {
      String pem = Files.readString(file, StandardCharsets.US_ASCII);
      String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(file + " is not a PKCS#8 RSA private key", e);
    }
  }

  /** A signed token for {@code subject} with one role and these buildings ({@code *}: all). */
  public String token(String subject, Role role, List<String> buildingIds, Duration lifetime) {
    Instant now = Instant.now();
    return Jwt.issuer(issuer)
        .subject(subject)
        .claim("jti", UUID.randomUUID().toString())
        .claim(GROUPS_CLAIM, List.of(role.claimValue()))
        .claim(BUILDINGS_CLAIM, buildingIds)
        .issuedAt(now)
        .expiresAt(now.plus(lifetime))
        .jws()
        .keyId("local")
        .sign(signingKey);
  }

  private static void publish(Path dir, String name, String content, boolean secret)
      throws IOException {
    Path temp = Files.createTempFile(dir, name, ".tmp");
    if (secret) {
      try {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: the directory's own permissions are all there is.
      }
    }
    Files.writeString(temp, content, StandardCharsets.US_ASCII);
    try {
      Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
      Files.move(temp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
