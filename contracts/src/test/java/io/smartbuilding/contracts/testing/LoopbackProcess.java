package io.smartbuilding.contracts.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server process a test started on 127.0.0.1. It is stopped by its own PID on {@link #close()},
 * and by a shutdown hook if the test JVM ends first, so a failing test leaves nothing behind.
 */
public class LoopbackProcess implements AutoCloseable {

  private final String name;
  private final List<String> command;
  private final Map<String, String> environment;
  private final Path workDir;
  private final Path logFile;
  private final int port;
  private Process process;
  private Thread shutdownHook;

  LoopbackProcess(
      String name, List<String> command, Map<String, String> environment, Path workDir, int port) {
    this.name = name;
    this.command = List.copyOf(command);
    this.environment = Map.copyOf(environment);
    this.workDir = workDir.toAbsolutePath();
    this.logFile = this.workDir.resolve(name + ".log");
    this.port = port;
  }

  /** Starts the process and waits until its port accepts connections. */
  synchronized LoopbackProcess start() {
    try {
      Files.createDirectories(workDir);
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
      builder.environment().putAll(environment);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name + ": " + command, e);
    }
    Process started = process;
    shutdownHook = new Thread(() -> started.destroyForcibly(), "stop-" + name);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    awaitPort(Duration.ofSeconds(60));
    return this;
  }

  public int port() {
    return port;
  }

  public String host() {
    return "127.0.0.1";
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  public Path logFile() {
    return logFile;
  }

  /** Simulates a crash: SIGKILL, no chance to flush. */
  public synchronized void kill() {
    if (process != null) {
      process.destroyForcibly();
      waitFor(process);
    }
  }

  /** Starts the same command again on the same port, e.g. after {@link #kill()}. */
  public synchronized void restart() {
    kill();
    removeHook();
    start();
  }

  @Override
  public synchronized void close() {
    if (process == null) {
      return;
    }
    process.destroy(); // SIGTERM first: servers flush and exit cleanly
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        waitFor(process);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    removeHook();
    process = null;
  }

  private void removeHook() {
    if (shutdownHook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running already
      }
      shutdownHook = null;
    }
  }

  private void awaitPort(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + " before listening; see " + logFile);
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException notYet) {
        sleep(50);
      }
    }
    close();
    throw new IllegalStateException(name + " did not listen on port " + port + "; see " + logFile);
  }

  private static void waitFor(Process p) {
    try {
      p.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A port that was free on 127.0.0.1 a moment ago. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
