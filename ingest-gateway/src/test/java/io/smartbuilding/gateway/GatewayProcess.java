package io.smartbuilding.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged gateway (target/quarkus-app, built in {@code package}, before failsafe runs) as a
 * separate JVM, so a test can SIGKILL it like a crashing pod. Stopped by PID in {@link #close()}.
 */
final class GatewayProcess implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final List<String> command = new ArrayList<>();
  private final Path log;
  private final int httpPort;
  private Process process;

  /** {@code properties} are passed as -D system properties (gateway.* keys). */
  GatewayProcess(Map<String, String> properties, Path workDir, String name) {
    Path jar = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: run `../mvnw package` (verify does) first");
    }
    this.httpPort = io.smartbuilding.contracts.testing.LoopbackProcess.freePort();
    this.log = workDir.toAbsolutePath().resolve(name + ".log");
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-XX:+UseSerialGC");
    command.add("-Dquarkus.profile=local");
    command.add("-Dquarkus.http.host=127.0.0.1");
    command.add("-Dquarkus.http.port=" + httpPort);
    properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.add("-jar");
    command.add(jar.toString());
  }

  GatewayProcess start() {
    try {
      Files.createDirectories(log.getParent());
      process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long pid() {
    return process.pid();
  }

  Path log() {
    return log;
  }

  /** The HTTP status of /q/health/ready, or -1 when the gateway does not answer. */
  int readiness() {
    return status("/q/health/ready");
  }

  /** /q/metrics as text, or empty when the gateway does not answer. */
  String metrics() {
    try {
      return HTTP.send(request("/q/metrics"), HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  /** gateway_messages_forwarded_total: messages stored in Kinesis and acknowledged. */
  double forwarded() {
    for (String line : metrics().split("\n")) {
      if (line.startsWith("gateway_messages_forwarded_total ")) {
        return Double.parseDouble(line.substring(line.indexOf(' ') + 1).trim());
      }
    }
    return 0;
  }

  /** The gateway's resident set size in KiB (Linux /proc), or -1. */
  long rssKib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or the process is gone
    }
    return -1;
  }

  /** SIGKILL: no shutdown hook, no flush, no MQTT DISCONNECT. Returns the exit code. */
  int kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("gateway " + pid() + " survived SIGKILL");
    }
    return process.exitValue();
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  private int status(String path) {
    try {
      return HTTP.send(request(path), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private HttpRequest request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
        .timeout(Duration.ofSeconds(5))
        .build();
  }
}
