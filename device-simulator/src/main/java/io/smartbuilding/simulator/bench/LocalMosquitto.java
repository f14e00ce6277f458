package io.smartbuilding.simulator.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A throwaway Mosquitto on a free loopback port, for the benchmark and tests that need their own
 * listener settings (TLS); stopped through its own process handle.
 */
public final class LocalMosquitto implements AutoCloseable {

  private final Process process;
  private final int port;

  private LocalMosquitto(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  public static LocalMosquitto start(Path workDir) throws IOException, InterruptedException {
    return start(workDir, List.of());
  }

  /**
   * @param listenerLines extra settings of the one listener, e.g. {@code certfile ...}
   */
  public static LocalMosquitto start(Path workDir, List<String> listenerLines)
      throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path config = workDir.resolve("mosquitto.conf");
    Files.writeString(
        config,
        String.join(
            "\n",
            "listener " + port + " 127.0.0.1",
            String.join("\n", listenerLines),
            "allow_anonymous true",
            "persistence false",
            "max_inflight_messages 1000",
            "max_queued_messages 1000000",
            "log_dest stderr",
            "log_type error",
            ""));
    String binary =
        List.of("/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto").stream()
            .filter(b -> Files.isExecutable(Path.of(b)))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("mosquitto is not installed"));
    Process process =
        new ProcessBuilder(binary, "-c", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve("mosquitto.log").toFile())
            .start();
    LocalMosquitto broker = new LocalMosquitto(process, port);
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      try (Socket probe = new Socket("127.0.0.1", port)) {
        return broker;
      } catch (IOException notYet) {
        if (!process.isAlive()) {
          throw new IllegalStateException("mosquitto exited; see " + workDir.resolve("mosquitto.log"));
        }
        Thread.sleep(50);
      }
    }
    broker.close();
    throw new IllegalStateException("mosquitto did not listen on " + port + " within 10 s");
  }

  public int port() {
    return port;
  }

  public String uri() {
    return "tcp://127.0.0.1:" + port;
  }

  public long pid() {
    return process.pid();
  }

  @Override
  public void close() throws InterruptedException {
    // our own child, by its handle: nothing else is touched
    process.destroy();
    if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
