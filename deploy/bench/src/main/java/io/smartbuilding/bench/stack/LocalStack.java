package io.smartbuilding.bench.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The platform as {@code ./platform up --no-simulator} starts it, on its own ports and state
 * directory. The benchmark reads the PIDs {@code up} records ({@code <state-dir>/pids}) to measure
 * each process, and stops the stack by stopping {@code up} (its trap stops what it started, by
 * PID); any of those PIDs still alive after that is stopped by PID here.
 */
public final class LocalStack implements AutoCloseable {
  private final Path repo;
  private final Path stateDir;
  private final int portBase;
  private final Instant createdAt = Instant.now();
  private Process up;
  private Map<String, Long> pids = Map.of();
  private volatile boolean closed;

  private LocalStack(Path repo, Path stateDir, int portBase) {
    this.repo = repo;
    this.stateDir = stateDir;
    this.portBase = portBase;
  }

  /**
   * A stack not started yet: register {@link #close} (e.g. in a shutdown hook) before {@link
   * #start}, so a signal during the start-up stops what was started so far.
   */
  public static LocalStack on(Path repo, Path stateDir, int portBase) {
    return new LocalStack(repo, stateDir, portBase);
  }

  /**
   * Runs {@code platform.sh up} and waits until it wrote its ready file. Any failure on the way (up
   * exiting, the timeout, an interrupt) closes what was started before it is thrown.
   */
  public void start(boolean build, Duration timeout) throws IOException, InterruptedException {
    Files.createDirectories(stateDir);
    Files.deleteIfExists(stateDir.resolve("ready"));
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                "bash",
                repo.resolve("deploy/local/platform.sh").toString(),
                "up",
                "--no-simulator",
                "--port-base",
                Integer.toString(portBase),
                "--state-dir",
                stateDir.toString()));
    if (!build) {
      command.add("--no-build");
    }
    Path log = stateDir.resolve("platform-up.log");
    synchronized (this) {
      if (closed) {
        throw new InterruptedException("stopped before the stack started");
      }
      up =
          new ProcessBuilder(command)
              .directory(repo.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    }
    boolean ready = false;
    try {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!Files.exists(stateDir.resolve("ready"))) {
        if (closed) {
          throw new InterruptedException("stopped during the start-up");
        }
        if (!up.isAlive()) {
          throw new IOException(
              "`platform.sh up` exited (" + up.exitValue() + "); see " + log + ":\n" + tail(log));
        }
        if (System.nanoTime() > deadline) {
          throw new IOException(
              "the stack was not ready within " + timeout.toSeconds() + " s; see " + log);
        }
        Thread.sleep(250);
      }
      synchronized (this) {
        pids = readPids(stateDir.resolve("pids"));
      }
      ready = true;
    } finally {
      if (!ready) {
        close();
      }
    }
  }

  /**
   * analytics-job's {@code health.refresh-seconds} as {@code platform.sh up} runs it: from the
   * job's local config file ({@code platform.sh} passes no job options through), absent = the
   * job's default, 0 (the health is written on every reading).
   */
  public static double jobHealthRefreshSeconds(Path repo) throws IOException {
    java.util.Properties config = new java.util.Properties();
    try (var in = Files.newInputStream(repo.resolve("analytics-job/config/local.properties"))) {
      config.load(in);
    }
    return Double.parseDouble(config.getProperty("health.refresh-seconds", "0").trim());
  }

  static Map<String, Long> readPids(Path file) throws IOException {
    Map<String, Long> pids = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      String[] parts = line.trim().split("\\s+", 2);
      if (parts.length == 2) {
        pids.put(parts[1], Long.parseLong(parts[0]));
      }
    }
    return pids;
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
  }

  /** Process name (as in the pids file: mosquitto, kinesis, dynamodb, ...) -> PID. */
  public Map<String, Long> pids() {
    return pids;
  }

  public int mqttPort() {
    return portBase;
  }

  public int kinesisPort() {
    return portBase + 1;
  }

  public int gatewayPort() {
    return portBase + 4;
  }

  public int apiPort() {
    return portBase + 6;
  }

  public Path stateDir() {
    return stateDir;
  }

  /** A manager token for every building, from {@code platform.sh token} with this stack's keys. */
  public String managerToken() throws IOException, InterruptedException {
    Process token =
        new ProcessBuilder(
                "bash",
                repo.resolve("deploy/local/platform.sh").toString(),
                "token",
                "--state-dir",
                stateDir.toString(),
                "--role",
                "manager",
                "--building",
                "*",
                "--subject",
                "system-bench")
            .directory(repo.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out = new String(token.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (token.waitFor() != 0 || out.isEmpty()) {
      throw new IOException("`platform.sh token` failed");
    }
    String[] lines = out.split("\n");
    return lines[lines.length - 1].trim();
  }

  /**
   * Idempotent and safe to call from the shutdown hook and the main thread at once (a second
   * SIGTERM to {@code up} while its trap runs would end the trap half way), and on a stack that
   * never started or only half started: then the PIDs come from whatever {@code up} wrote to its
   * pids file so far.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (up == null) {
      return; // nothing was started
    }
    if (up.isAlive()) {
      up.destroy(); // SIGTERM: up's trap stops its processes in reverse order, by PID
      try {
        up.waitFor(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Map<String, Long> recorded = pids;
    if (recorded.isEmpty()) {
      try {
        recorded = readPids(stateDir.resolve("pids"));
      } catch (IOException | RuntimeException e) {
        recorded = Map.of(); // up did not get as far as recording a PID
      }
    }
    // Belt and braces: a PID up recorded that is still ours (started after up) and still alive.
    recorded.forEach(
        (name, pid) ->
            ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(
                    p ->
                        p.info()
                            .startInstant()
                            .map(s -> !s.isBefore(createdAt.minusSeconds(1)))
                            .orElse(false))
                .ifPresent(
                    p -> {
                      System.err.println(
                          "system-bench: stopping " + name + " (pid " + pid + ") left running");
                      p.destroyForcibly();
                    }));
  }
}
