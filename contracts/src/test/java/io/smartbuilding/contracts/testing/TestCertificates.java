package io.smartbuilding.contracts.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes a throw-away CA and certificates with openssl in a test's temporary folder: nothing secret
 * is committed. "broker" is valid for 127.0.0.1/localhost; "stranger" is self-signed.
 */
public final class TestCertificates {

  private final Path dir;

  private TestCertificates(Path dir) {
    this.dir = dir;
  }

  public static TestCertificates create(Path dir) throws Exception {
    TestCertificates c = new TestCertificates(dir);
    Files.writeString(dir.resolve("san.cnf"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
    c.openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=test-ca",
        "-keyout", "ca.key", "-out", "ca.pem");
    c.openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=stranger",
        "-keyout", "stranger.key", "-out", "stranger.pem");
    c.signed("broker", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "broker.key");
    c.signed("gateway", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "gateway.key");
    c.signed("gateway-ec", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256",
        "-out", "gateway-ec.key");
    c.openssl("rsa", "-in", "gateway.key", "-traditional", "-out", "gateway-pkcs1.key");
    c.openssl("ec", "-in", "gateway-ec.key", "-out", "gateway-sec1.key");
    return c;
  }

  public Path file(String name) {
    Path f = dir.resolve(name);
    if (!Files.exists(f)) {
      throw new IllegalStateException("openssl did not make " + f);
    }
    return f;
  }

  private void signed(String name, String... keyCommand) throws Exception {
    openssl(keyCommand);
    openssl("req", "-new", "-key", name + ".key", "-subj", "/CN=" + name, "-out", name + ".csr");
    openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key",
        "-CAcreateserial", "-days", "1", "-extfile", "san.cnf", "-out", name + ".pem");
  }

  private void openssl(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("openssl " + String.join(" ", args) + " failed: " + output);
    }
  }
}
