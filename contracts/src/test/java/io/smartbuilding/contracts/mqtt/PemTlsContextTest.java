package io.smartbuilding.contracts.mqtt;

import io.smartbuilding.contracts.testing.TestCertificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PEM loading with keys and certificates made by openssl for this run (nothing committed): a CA,
 * a "broker" and a "gateway" certificate it signed, keys in the formats operators have.
 */
class PemTlsContextTest {

  @TempDir static Path dir;
  private static TestCertificates certificates;

  @BeforeAll
  static void makeCertificates() throws Exception {
    certificates = TestCertificates.create(dir);
  }

  @Test
  void trustsWhatTheCaSignedAndNothingElse() throws Exception {
    X509TrustManager trust = (X509TrustManager) PemTlsContext.trustManagers(file("ca.pem"))[0];

    trust.checkServerTrusted(chain("broker.pem"), "RSA");
    assertThatThrownBy(() -> trust.checkServerTrusted(chain("stranger.pem"), "RSA"))
        .isInstanceOf(CertificateException.class);
  }

  @Test
  void readsPkcs8RsaPkcs1RsaAndPkcs8EcKeys() throws Exception {
    for (String[] pair : new String[][] {
        {"gateway.pem", "gateway.key", "RSA"},
        {"gateway.pem", "gateway-pkcs1.key", "RSA"},
        {"gateway-ec.pem", "gateway-ec.key", "EC"}}) {
      X509KeyManager keys =
          (X509KeyManager) PemTlsContext.keyManagers(file(pair[0]), file(pair[1]))[0];
      assertThat(keys.getPrivateKey("gateway").getAlgorithm()).isEqualTo(pair[2]);
      assertThat(keys.getCertificateChain("gateway")[0].getSubjectX500Principal().getName())
          .startsWith("CN=" + pair[0].replace(".pem", ""));
    }
  }

  @Test
  void explainsKeysItCannotRead() {
    assertThatThrownBy(() -> PemTlsContext.privateKey(file("gateway-sec1.key")))
        .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
    assertThatThrownBy(() -> PemTlsContext.privateKey(file("ca.pem")))
        .hasMessageContaining("no private key");
    assertThatThrownBy(() -> PemTlsContext.create(
            Optional.of(file("ca.pem")), Optional.of(file("gateway.pem")), Optional.empty()))
        .hasMessageContaining("client key file");
  }

  @Test
  void completesAMutualTlsHandshakeWithABrokerThatRequiresClientCertificates() throws Exception {
    SSLContext broker = PemTlsContext.create(
        Optional.of(file("ca.pem")), Optional.of(file("broker.pem")), Optional.of(file("broker.key")));
    SSLContext gateway = PemTlsContext.create(
        Optional.of(file("ca.pem")), Optional.of(file("gateway.pem")), Optional.of(file("gateway-pkcs1.key")));

    try (SSLServerSocket server = (SSLServerSocket) broker.getServerSocketFactory()
        .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      server.setNeedClientAuth(true);
      CompletableFuture<String> peer = CompletableFuture.supplyAsync(() -> {
        try (SSLSocket s = (SSLSocket) server.accept(); InputStream in = s.getInputStream()) {
          in.read();
          return ((X509Certificate) s.getSession().getPeerCertificates()[0])
              .getSubjectX500Principal().getName();
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });
      try (SSLSocket client = (SSLSocket) gateway.getSocketFactory()
          .createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort());
          OutputStream out = client.getOutputStream()) {
        client.startHandshake();
        out.write(1);
        out.flush();
        assertThat(((X509Certificate) client.getSession().getPeerCertificates()[0])
            .getSubjectX500Principal().getName()).isEqualTo("CN=broker");
        assertThat(peer.get(10, TimeUnit.SECONDS)).isEqualTo("CN=gateway");
      }
    }
  }

  private static Path file(String name) {
    return certificates.file(name);
  }

  private static X509Certificate[] chain(String name) throws Exception {
    return PemTlsContext.certificates(file(name)).toArray(new X509Certificate[0]);
  }
}
