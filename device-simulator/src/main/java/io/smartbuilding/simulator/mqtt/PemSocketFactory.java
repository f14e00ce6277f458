package io.smartbuilding.simulator.mqtt;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the TLS socket factory Paho needs from PEM files, with the JDK alone: brokers and AWS IoT
 * Core hand out PEM, while Java wants key stores.
 */
public final class PemSocketFactory {

  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]+)-----END \\1-----");
  private static final char[] NO_PASSWORD = new char[0];

  private PemSocketFactory() {}

  /**
   * @throws IllegalArgumentException naming the file when it is not usable PEM
   */
  public static SSLSocketFactory of(TlsFiles files) {
    try {
      TrustManagerFactory trust = null;
      if (files.caFile().isPresent()) {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        List<Certificate> cas = certificates(files.caFile().get());
        for (int i = 0; i < cas.size(); i++) {
          trusted.setCertificateEntry("ca-" + i, cas.get(i));
        }
        trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
      }
      KeyManagerFactory keys = null;
      if (files.certFile().isPresent()) {
        List<Certificate> chain = certificates(files.certFile().get());
        PrivateKey key = privateKey(files.keyFile().orElseThrow());
        KeyStore own = KeyStore.getInstance(KeyStore.getDefaultType());
        own.load(null, null);
        own.setKeyEntry("client", key, NO_PASSWORD, chain.toArray(new Certificate[0]));
        keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(own, NO_PASSWORD);
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          keys == null ? null : keys.getKeyManagers(),
          trust == null ? null : trust.getTrustManagers(),
          null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  static List<Certificate> certificates(Path file) throws IOException {
    List<byte[]> blocks = blocks(file, "CERTIFICATE");
    List<Certificate> certificates = new ArrayList<>();
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (byte[] der : blocks) {
        certificates.add(factory.generateCertificate(new ByteArrayInputStream(der)));
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(file + ": not a valid certificate: " + e.getMessage());
    }
    return certificates;
  }

  static PrivateKey privateKey(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    if (text.contains("BEGIN RSA PRIVATE KEY") || text.contains("BEGIN EC PRIVATE KEY")) {
      throw new IllegalArgumentException(
          file
              + ": the key is in the old PKCS#1/SEC1 format; convert it to PKCS#8 with"
              + " `openssl pkcs8 -topk8 -nocrypt -in "
              + file.getFileName()
              + " -out key.pk8.pem`");
    }
    if (text.contains("BEGIN ENCRYPTED PRIVATE KEY")) {
      throw new IllegalArgumentException(
          file + ": the key is encrypted; give an unencrypted PKCS#8 key");
    }
    byte[] der = blocks(file, "PRIVATE KEY").get(0);
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException tryNext) {
        // the PEM does not say which algorithm; try the next one
      }
    }
    throw new IllegalArgumentException(file + ": not an RSA, EC or Ed25519 PKCS#8 private key");
  }

  private static List<byte[]> blocks(Path file, String type) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    Matcher m = BLOCK.matcher(text);
    List<byte[]> found = new ArrayList<>();
    while (m.find()) {
      if (m.group(1).equals(type)) {
        found.add(Base64.getMimeDecoder().decode(m.group(2)));
      }
    }
    if (found.isEmpty()) {
      throw new IllegalArgumentException(
          file + ": no '-----BEGIN " + type + "-----' block found (PEM expected)");
    }
    return found;
  }
}
