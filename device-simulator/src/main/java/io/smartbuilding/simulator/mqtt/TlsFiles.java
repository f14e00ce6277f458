package io.smartbuilding.simulator.mqtt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * PEM files for a TLS connection: the CA that signed the broker's certificate and, for mutual TLS
 * (AWS IoT Core), the client's certificate and its private key (read by contracts' PemTlsContext).
 */
public record TlsFiles(Optional<Path> caFile, Optional<Path> certFile, Optional<Path> keyFile) {

  public TlsFiles {
    Objects.requireNonNull(caFile, "caFile");
    Objects.requireNonNull(certFile, "certFile");
    Objects.requireNonNull(keyFile, "keyFile");
    if (certFile.isPresent() != keyFile.isPresent()) {
      throw new IllegalArgumentException("--cert and --key go together: give both or neither");
    }
    for (Optional<Path> file : java.util.List.of(caFile, certFile, keyFile)) {
      file.ifPresent(
          f -> {
            if (!Files.isReadable(f)) {
              throw new IllegalArgumentException("cannot read TLS file " + f);
            }
          });
    }
  }

  public static TlsFiles none() {
    return new TlsFiles(Optional.empty(), Optional.empty(), Optional.empty());
  }

  public boolean isEmpty() {
    return caFile.isEmpty() && certFile.isEmpty();
  }
}
