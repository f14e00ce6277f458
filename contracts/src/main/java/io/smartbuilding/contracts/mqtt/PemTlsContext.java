package io.smartbuilding.contracts.mqtt;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS context for an MQTT client (the gateway, the simulator) built from PEM files with the JDK
 * alone: the CA that signed the broker's certificate (the JDK trust store when absent) and, for
 * mutual TLS as AWS IoT Core requires, the client's certificate chain and private key. Keys: unencrypted PKCS#8 ({@code BEGIN PRIVATE
 * KEY}, RSA or EC) or PKCS#1 RSA ({@code BEGIN RSA PRIVATE KEY}).
 */
public final class PemTlsContext {

  private static final Pattern PEM =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
  private static final char[] NO_PASSWORD = new char[0];

  private PemTlsContext() {}

  public static SSLContext create(
      Optional<Path> caFile, Optional<Path> clientCertFile, Optional<Path> clientKeyFile) {
    if (clientCertFile.isPresent() != clientKeyFile.isPresent()) {
      throw new IllegalArgumentException(
          "mutual TLS needs both a client certificate file and a client key file");
    }
    try {
      KeyManager[] keys =
          clientCertFile.isPresent() ? keyManagers(clientCertFile.get(), clientKeyFile.get()) : null;
      TrustManager[] trust = caFile.isPresent() ? trustManagers(caFile.get()) : null;
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, trust, null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("cannot build the MQTT TLS context: " + e.getMessage(), e);
    }
  }

  static TrustManager[] trustManagers(Path caFile) throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    int i = 0;
    for (Certificate ca : certificates(caFile)) {
      store.setCertificateEntry("ca-" + i++, ca);
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory.getTrustManagers();
  }

  static KeyManager[] keyManagers(Path certFile, Path keyFile)
      throws GeneralSecurityException, IOException {
    List<Certificate> chain = certificates(certFile);
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("gateway", privateKey(keyFile), NO_PASSWORD, chain.toArray(new Certificate[0]));
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, NO_PASSWORD);
    return factory.getKeyManagers();
  }

  static List<Certificate> certificates(Path file) throws GeneralSecurityException, IOException {
    List<Certificate> certificates = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      certificates.addAll(CertificateFactory.getInstance("X.509").generateCertificates(in));
    }
    if (certificates.isEmpty()) {
      throw new GeneralSecurityException("no certificate in " + file);
    }
    return certificates;
  }

  static PrivateKey privateKey(Path file) throws GeneralSecurityException, IOException {
    Matcher pem = PEM.matcher(Files.readString(file, StandardCharsets.US_ASCII));
    while (pem.find()) {
      byte[] der = Base64.getMimeDecoder().decode(pem.group(2));
      switch (pem.group(1)) {
        case "PRIVATE KEY":
          return pkcs8(der);
        case "RSA PRIVATE KEY":
          return KeyFactory.getInstance("RSA")
              .generatePrivate(new PKCS8EncodedKeySpec(rsaPkcs1ToPkcs8(der)));
        case "ENCRYPTED PRIVATE KEY":
          throw new GeneralSecurityException(file + " holds an encrypted key; give the gateway an"
              + " unencrypted one (mounted from a secret): openssl pkcs8 -topk8 -nocrypt");
        case "EC PRIVATE KEY":
          throw new GeneralSecurityException(file + " holds a SEC1 EC key; convert it to PKCS#8:"
              + " openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem");
        default:
          // e.g. "EC PARAMETERS" before the key: skip
      }
    }
    throw new GeneralSecurityException("no private key in " + file);
  }

  private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
    for (String algorithm : List.of("RSA", "EC", "Ed25519", "RSASSA-PSS")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (InvalidKeySpecException wrongAlgorithm) {
        // try the next one
      }
    }
    throw new GeneralSecurityException("unsupported PKCS#8 key algorithm");
  }

  /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo, which the JDK can read. */
  static byte[] rsaPkcs1ToPkcs8(byte[] pkcs1) {
    byte[] version = {0x02, 0x01, 0x00};
    // SEQUENCE { OID 1.2.840.113549.1.1.1 (rsaEncryption), NULL }
    byte[] algorithm = {
      0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01,
      0x01, 0x05, 0x00
    };
    byte[] key = der(0x04, pkcs1);
    byte[] body = new byte[version.length + algorithm.length + key.length];
    System.arraycopy(version, 0, body, 0, version.length);
    System.arraycopy(algorithm, 0, body, version.length, algorithm.length);
    System.arraycopy(key, 0, body, version.length + algorithm.length, key.length);
    return der(0x30, body);
  }

  private static byte[] der(int tag, byte[] content) {
    int n = content.length;
    byte[] length;
    if (n < 0x80) {
      length = new byte[] {(byte) n};
    } else if (n < 0x100) {
      length = new byte[] {(byte) 0x81, (byte) n};
    } else if (n < 0x10000) {
      length = new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
    } else {
      length = new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
    }
    byte[] out = new byte[1 + length.length + n];
    out[0] = (byte) tag;
    System.arraycopy(length, 0, out, 1, length.length);
    System.arraycopy(content, 0, out, 1 + length.length, n);
    return out;
  }
}
