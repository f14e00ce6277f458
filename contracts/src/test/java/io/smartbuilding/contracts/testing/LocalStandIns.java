package io.smartbuilding.contracts.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the local stand-ins for the platform's infrastructure on 127.0.0.1 for a test: Mosquitto
 * (MQTT), kinesis-local (Kinesis) and dynalite (DynamoDB). The npm packages are pinned in
 * deploy/local/package.json and installed there on first use; Mosquitto must be installed (the
 * README and .ci/run install it).
 */
public final class LocalStandIns {

  public static final String REGION = "us-east-1";
  public static final String ACCESS_KEY = "local";
  public static final String SECRET_KEY = "local";

  private LocalStandIns() {}

  /** The repository root, found from the working directory of the test. */
  public static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.exists(dir.resolve("deploy/local/package.json"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("cannot find the repository root above " + Path.of("").toAbsolutePath());
  }

  /** Mosquitto on a free loopback port, in-memory, with room for many in-flight QoS 1 messages. */
  public static LoopbackProcess mosquitto(Path workDir) {
    workDir = workDir.toAbsolutePath();
    int port = LoopbackProcess.freePort();
    Path config = workDir.resolve("mosquitto.conf");
    write(
        config,
        String.join(
            "\n",
            "listener " + port + " 127.0.0.1",
            "allow_anonymous true",
            "persistence false",
            "max_inflight_messages 1000",
            "max_queued_messages 1000000",
            "log_dest stdout",
            "log_type error",
            "log_type warning",
            ""));
    return new LoopbackProcess(
            "mosquitto", List.of(mosquittoBinary(), "-c", config.toString()), Map.of(), workDir, port)
        .start();
  }

  /** kinesis-local (kinesis-mock) on a free loopback port, in memory. Use its plain HTTP port. */
  public static LoopbackProcess kinesis(Path workDir) {
    Path modules = nodeModules();
    int port = LoopbackProcess.freePort();
    return new LoopbackProcess(
            "kinesis-local",
            List.of(
                "node",
                "-r",
                modules.getParent().resolve("loopback-only.js").toString(),
                modules.resolve("kinesis-local/main.js").toString()),
            Map.of(
                "KINESIS_MOCK_PLAIN_PORT", String.valueOf(port),
                "KINESIS_MOCK_TLS_PORT", String.valueOf(LoopbackProcess.freePort()),
                "AWS_REGION", REGION,
                "LOG_LEVEL", "WARN",
                "KINESIS_MOCK_CERT_PATH", modules.resolve("kinesis-local/server.json").toString()),
            workDir,
            port)
        .start();
  }

  /** dynalite on a free loopback port, in memory, tables ACTIVE at once. */
  public static LoopbackProcess dynamoDb(Path workDir) {
    Path modules = nodeModules();
    int port = LoopbackProcess.freePort();
    return new LoopbackProcess(
            "dynalite",
            List.of(
                "node",
                "-r",
                modules.getParent().resolve("loopback-only.js").toString(),
                modules.resolve("dynalite/cli.js").toString(),
                "--host", "127.0.0.1",
                "--port", String.valueOf(port),
                "--createTableMs", "0",
                "--deleteTableMs", "0",
                "--updateTableMs", "0"),
            Map.of(),
            workDir,
            port)
        .start();
  }

  public static String endpoint(LoopbackProcess server) {
    return "http://127.0.0.1:" + server.port();
  }

  private static String mosquittoBinary() {
    for (String candidate : List.of("/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "Mosquitto is not installed. Install it with: sudo apt-get install -y mosquitto"
            + " (or run ./platform up once, which offers to install it)");
  }

  /** deploy/local/node_modules, installed with `npm ci` from the lock file if missing. */
  static synchronized Path nodeModules() {
    Path local = repositoryRoot().resolve("deploy/local");
    Path modules = local.resolve("node_modules");
    if (!Files.exists(modules.resolve("kinesis-local/main.js"))
        || !Files.exists(modules.resolve("dynalite/cli.js"))) {
      try {
        Process npm =
            new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                .directory(local.toFile())
                .inheritIO()
                .start();
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
          throw new IllegalStateException("npm ci in " + local + " failed");
        }
      } catch (IOException e) {
        throw new UncheckedIOException("npm is needed to install the local stand-ins", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return modules;
  }

  private static void write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
