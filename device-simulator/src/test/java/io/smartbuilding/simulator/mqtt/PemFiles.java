package io.smartbuilding.simulator.mqtt;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Throwaway PEM files made with openssl for a test: a CA, a server certificate for 127.0.0.1 and
 * a client certificate, all signed by the CA. Nothing secret is ever committed.
 */
public record PemFiles(Path caCert, Path serverCert, Path serverKey, Path clientCert, Path clientKey) {

  public static PemFiles create(Path dir) throws IOException, InterruptedException {
    run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
        "-keyout", "ca.key", "-out", "ca.pem", "-subj", "/CN=test-ca");
    for (String who : List.of("server", "client")) {
      run(dir, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", who + ".key",
          "-out", who + ".csr", "-subj", "/CN=" + (who.equals("server") ? "127.0.0.1" : "sim"));
      List<String> sign = new ArrayList<>(List.of("openssl", "x509", "-req", "-in", who + ".csr",
          "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-days", "2", "-out", who + ".pem"));
      if (who.equals("server")) {
        java.nio.file.Files.writeString(dir.resolve("san.ext"), "subjectAltName=IP:127.0.0.1\n");
        sign.addAll(List.of("-extfile", "san.ext"));
      }
      run(dir, sign.toArray(new String[0]));
    }
    // Mosquitto started as root drops to its own user, which must read its (throwaway) key.
    java.nio.file.Files.setPosixFilePermissions(
        dir.resolve("server.key"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    return new PemFiles(
        dir.resolve("ca.pem"),
        dir.resolve("server.pem"),
        dir.resolve("server.key"),
        dir.resolve("client.pem"),
        dir.resolve("client.key"));
  }

  static void run(Path dir, String... command) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("openssl.log").toFile())
            .start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed; see " + dir.resolve("openssl.log"));
    }
  }
}
