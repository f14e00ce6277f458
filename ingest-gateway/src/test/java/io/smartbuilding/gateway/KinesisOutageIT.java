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
 * Kinesis goes away while telemetry flows (connections reset and refused, see {@link TcpGate}):
 * the gateway turns not-ready, acknowledges nothing while it cannot store, and once Kinesis is
 * reachable again on the same address everything arrives and readiness comes back.
 */
class KinesisOutageIT {

  private static final Path WORK = Path.of("target/it/outage");
  // Paced so that telemetry still flows when Kinesis goes away and when it is back (~30 s):
  // readiness reflects failed writes, and with no traffic there are none.
  private static final int DEVICES = 20;
  private static final int ROUNDS = 150;
  private static LoopbackProcess mosquitto;
  private static LoopbackProcess kinesis;
  private static TcpGate gate;

  @BeforeAll
  static void startServers() {
    mosquitto = LocalStandIns.mosquitto(WORK);
    kinesis = LocalStandIns.kinesis(WORK);
    gate = new TcpGate(LoopbackProcess.freePort(), kinesis.port()).open();
  }

  @AfterAll
  static void stopServers() {
    if (gate != null) gate.close();
    if (mosquitto != null) mosquitto.close();
    if (kinesis != null) kinesis.close();
  }

  @Test
  void storesEverythingAfterAnOutageAndReportsItMeanwhile() throws Exception {
    Map<String, String> props = Map.of(
        "gateway.mqtt.broker-url", "tcp://127.0.0.1:" + mosquitto.port(),
        "gateway.mqtt.client-id", "gateway-outage-it",
        "gateway.kinesis.endpoint-override", "http://127.0.0.1:" + gate.port(),
        "gateway.kinesis.stream", "outage-it",
        "gateway.dead-letter.stream", "outage-it-dlq",
        "gateway.batch.unhealthy-after", "2s",
        "gateway.batch.max-backoff", "1s");
    try (GatewayProcess gateway = new GatewayProcess(props, WORK, "gateway").start();
        FleetPublisher fleet = new FleetPublisher(mosquitto.port(), "outage-publisher", DEVICES, ROUNDS, 200)) {
      await().atMost(Duration.ofSeconds(60)).until(() -> gateway.readiness() == 200);
      fleet.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> gateway.forwarded() > 0
          && fleet.published() >= fleet.total() / 4);

      long down = System.nanoTime();
      gate.shut();
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
          .until(() -> gateway.readiness() == 503);
      long notReady = System.nanoTime();
      double forwardedWhileDown = gateway.forwarded();
      Thread.sleep(2000);
      assertThat(gateway.forwarded()).as("nothing acknowledged while Kinesis is down")
          .isEqualTo(forwardedWhileDown);
      assertThat(fleet.published()).as("the outage hit mid-stream").isLessThan(fleet.total());

      gate.open();
      long up = System.nanoTime();
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
          .until(() -> gateway.readiness() == 200);
      long ready = System.nanoTime();
      fleet.join();

      Map<String, Integer> copies;
      try (KinesisClient client = LocalAwsClients.kinesis(kinesis)) {
        copies = StreamTail.telemetryCopies(client, "outage-it", fleet.total(), Duration.ofSeconds(90));
      }
      assertThat(fleet.missingFrom(copies)).as("messages never stored").isEmpty();
      int stored = copies.values().stream().mapToInt(Integer::intValue).sum();
      String report = String.format(
          "outage test: %d messages; not ready %d ms after Kinesis went away;"
              + " Kinesis away %d ms;"
              + " ready again %d ms after it came back; stored %d, %d distinct, %d duplicates,"
              + " 0 missing%n",
          fleet.total(), millis(down, notReady), millis(down, up), millis(up, ready), stored,
          copies.size(), stored - copies.size());
      System.out.print(report);
      Files.writeString(WORK.resolve("report.txt"), report);
    }
  }

  private static long millis(long from, long to) {
    return Duration.ofNanos(to - from).toMillis();
  }
}
