package io.smartbuilding.local.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One packaged platform component (gateway, analytics job) as a child JVM that a fault test can
 * SIGKILL and start again with the same command line. It is stopped by its own PID on {@link
 * #close()}, and by a shutdown hook if the test JVM ends first.
 */
final class ComponentProcess implements AutoCloseable {

  private final String name;
  private final List<String> command;
  private final Path log;
  private Process process;
  private Thread shutdownHook;
  private int starts;

  ComponentProcess(String name, List<String> command, Path workDir) {
    this.name = name;
    this.command = List.copyOf(command);
    this.log = workDir.toAbsolutePath().resolve(name + ".log");
  }

  synchronized ComponentProcess start() {
    try {
      Files.createDirectories(log.getParent());
      starts++;
      Files.writeString(log, "---- start " + starts + ": " + String.join(" ", command) + "\n",
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name, e);
    }
    Process started = process;
    shutdownHook = new Thread(started::destroyForcibly, "stop-" + name);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    return this;
  }

  /** Waits until the process accepts connections on {@code port} of 127.0.0.1. */
  ComponentProcess awaitPort(int port, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!isAlive()) {
        throw new IllegalStateException(name + " exited before listening; see " + log);
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return this;
      } catch (IOException notYet) {
        ChaosStack.sleep(50);
      }
    }
    throw new IllegalStateException(name + " did not listen on " + port + "; see " + log);
  }

  /** SIGTERM, and waits until the process is gone (SIGKILL after 15 s); returns its exit code. */
  synchronized int stop() {
    close();
    return process.exitValue();
  }

  synchronized long pid() {
    return process.pid();
  }

  synchronized boolean isAlive() {
    return process != null && process.isAlive();
  }

  Path log() {
    return log;
  }

  /** kill -9: no shutdown hook, no flush, no MQTT DISCONNECT. Returns the exit code (137). */
  synchronized int kill9() throws InterruptedException {
    process.destroyForcibly(); // SIGKILL on Linux
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException(name + " (pid " + process.pid() + ") survived SIGKILL");
    }
    removeHook();
    return process.exitValue();
  }

  @Override
  public synchronized void close() {
    if (process == null) {
      return;
    }
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          process.waitFor(30, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    removeHook();
  }

  private void removeHook() {
    if (shutdownHook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs already
      }
      shutdownHook = null;
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
