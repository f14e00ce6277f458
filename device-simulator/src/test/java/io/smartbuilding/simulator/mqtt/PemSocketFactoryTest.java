package io.smartbuilding.simulator.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateKey;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemSocketFactoryTest {

  @TempDir static Path dir;
  static PemFiles pem;

  @BeforeAll
  static void makeCertificates() throws Exception {
    pem = PemFiles.create(dir);
  }

  @Test
  void readsTheCaTheClientCertificateAndItsPkcs8Key() throws Exception {
    assertThat(Files.readString(pem.clientKey())).contains("BEGIN PRIVATE KEY");
    assertThat(PemSocketFactory.certificates(pem.caCert())).hasSize(1);
    assertThat(PemSocketFactory.privateKey(pem.clientKey())).isInstanceOf(RSAPrivateKey.class);
    assertThat(
            PemSocketFactory.of(
                new TlsFiles(Optional.of(pem.caCert()), Optional.of(pem.clientCert()), Optional.of(pem.clientKey()))))
        .isNotNull();
  }

  @Test
  void anEcKeyWorksToo() throws Exception {
    PemFiles.run(dir, "openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "ec.key");
    assertThat(PemSocketFactory.privateKey(dir.resolve("ec.key")).getAlgorithm()).isEqualTo("EC");
  }

  @Test
  void anOldStyleRsaKeyGetsTheCommandToConvertIt() throws Exception {
    PemFiles.run(dir, "openssl", "rsa", "-in", "client.key", "-traditional", "-out", "pkcs1.key");
    assertThat(Files.readString(dir.resolve("pkcs1.key"))).contains("BEGIN RSA PRIVATE KEY");
    assertThatThrownBy(() -> PemSocketFactory.privateKey(dir.resolve("pkcs1.key")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pkcs1.key")
        .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
  }

  @Test
  void aFileWithoutPemSaysWhatItExpected() throws Exception {
    Path notPem = Files.writeString(dir.resolve("ca.txt"), "hello");
    assertThatThrownBy(() -> PemSocketFactory.certificates(notPem))
        .hasMessage(notPem + ": no '-----BEGIN CERTIFICATE-----' block found (PEM expected)");
  }

  @Test
  void certAndKeyGoTogether() {
    assertThatThrownBy(
            () -> new TlsFiles(Optional.empty(), Optional.of(pem.clientCert()), Optional.empty()))
        .hasMessageContaining("--cert and --key go together");
  }
}
