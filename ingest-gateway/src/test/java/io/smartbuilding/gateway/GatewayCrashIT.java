package io.smartbuilding.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartbuilding.contracts.testing.LocalAwsClients;
import io.smartbuilding.contracts.testing.LocalStandIns;
import io.smartbuilding.contracts.testing.LoopbackProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * kill -9 of the packaged gateway in the middle of a QoS 1 stream, then a restart with the same
 * client id: the broker keeps the persistent session (and the unacknowledged messages) in memory,
 * so every (deviceId, seq) reaches the stream at least once. Duplicates are expected and counted.
 */
class GatewayCrashIT {

  private static final Path WORK = Path.of("target/it/crash");
  private static final int DEVICES = 100;
  private static final int ROUNDS = 40;
  private static LoopbackProcess mosquitto;
  private static LoopbackProcess kinesis;

  @BeforeAll
  static void startServers() {
    mosquitto = LocalStandIns.mosquitto(WORK);
    kinesis = LocalStandIns.kinesis(WORK);
  }

  @AfterAll
  static void stopServers() {
    if (mosquitto != null) mosquitto.close();
    if (kinesis != null) kinesis.close();
  }

  @Test
  void losesNothingWhenKilledMidStream() throws Exception {
    Map<String, String> props = Map.of(
        "gateway.mqtt.broker-url", "tcp://127.0.0.1:" + mosquitto.port(),
        "gateway.mqtt.client-id", "gateway-crash-it",
        "gateway.kinesis.endpoint-override", LocalStandIns.endpoint(kinesis),
        "gateway.kinesis.stream", "crash-it",
        "gateway.dead-letter.stream", "crash-it-dlq",
        "gateway.kinesis.shards", "2");
    GatewayProcess first = new GatewayProcess(props, WORK, "gateway-1").start();
    GatewayProcess second = null;
    try (FleetPublisher fleet = new FleetPublisher(mosquitto.port(), "crash-publisher", DEVICES, ROUNDS, 50)) {
      await().atMost(Duration.ofSeconds(60)).until(() -> first.readiness() == 200);
      fleet.start();

      await().atMost(Duration.ofSeconds(60)).until(() -> first.forwarded() > 0
          && fleet.published() >= fleet.total() / 3);
      int publishedAtKill = fleet.published();
      double forwardedAtKill = first.forwarded();
      int exit = first.kill();
      assertThat(exit).as("SIGKILL exit code").isEqualTo(137);
      assertThat(publishedAtKill).as("killed mid-stream").isLessThan(fleet.total());

      second = new GatewayProcess(props, WORK, "gateway-2").start();
      GatewayProcess restarted = second;
      await().atMost(Duration.ofSeconds(60)).until(() -> restarted.readiness() == 200);
      fleet.join();

      Map<String, Integer> copies;
      try (KinesisClient client = LocalAwsClients.kinesis(kinesis)) {
        copies = StreamTail.telemetryCopies(client, "crash-it", fleet.total(), Duration.ofSeconds(90));
      }
      assertThat(fleet.missingFrom(copies)).as("messages never stored").isEmpty();
      int stored = copies.values().stream().mapToInt(Integer::intValue).sum();
      int duplicates = stored - copies.size();
      String report = String.format(
          "kill -9 test: published %d (%d devices x %d), killed after %d published / %.0f forwarded;"
              + " stored %d records, %d distinct, %d duplicates, 0 missing%n",
          fleet.total(), DEVICES, ROUNDS, publishedAtKill, forwardedAtKill, stored, copies.size(),
          duplicates);
      System.out.print(report);
      Files.writeString(WORK.resolve("report.txt"), report);
    } finally {
      first.close();
      if (second != null) {
        second.close();
      }
    }
  }
}
