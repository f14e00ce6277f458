package io.smartbuilding.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartbuilding.contracts.testing.LocalAwsClients;
import io.smartbuilding.contracts.testing.LocalStandIns;
import io.smartbuilding.contracts.testing.LoopbackProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Two gateway replicas (separate JVMs, own client ids) on the same shared subscription: the broker
 * splits the devices' messages between them, each message is forwarded by exactly one replica,
 * and together they deliver all of them.
 */
class SharedSubscriptionIT {

  private static final Path WORK = Path.of("target/it/shared");
  private static final int DEVICES = 50;
  private static final int ROUNDS = 20;
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
  void replicasShareTheLoadAndTogetherDeliverEverything() throws Exception {
    GatewayProcess a = new GatewayProcess(props("gateway-a"), WORK, "gateway-a").start();
    GatewayProcess b = new GatewayProcess(props("gateway-b"), WORK, "gateway-b").start();
    try (FleetPublisher fleet = new FleetPublisher(mosquitto.port(), "shared-publisher", DEVICES, ROUNDS, 10)) {
      await().atMost(Duration.ofSeconds(90)).until(() -> a.readiness() == 200 && b.readiness() == 200);
      fleet.start().join();

      Map<String, Integer> copies;
      try (KinesisClient client = LocalAwsClients.kinesis(kinesis)) {
        copies = StreamTail.telemetryCopies(client, "shared-it", fleet.total(), Duration.ofSeconds(60));
      }
      assertThat(fleet.missingFrom(copies)).as("messages never stored").isEmpty();
      assertThat(copies).hasSize(fleet.total());
      await().atMost(Duration.ofSeconds(10))
          .until(() -> a.forwarded() + b.forwarded() == fleet.total());
      assertThat(a.forwarded()).as("replica a's share").isGreaterThan(0);
      assertThat(b.forwarded()).as("replica b's share").isGreaterThan(0);
      System.out.printf("shared subscription: %s forwarded %.0f, %s forwarded %.0f of %d%n",
          "gateway-a", a.forwarded(), "gateway-b", b.forwarded(), fleet.total());
    } finally {
      a.close();
      b.close();
    }
  }

  private static Map<String, String> props(String clientId) {
    return Map.of(
        "gateway.mqtt.broker-url", "tcp://127.0.0.1:" + mosquitto.port(),
        "gateway.mqtt.client-id", clientId,
        "gateway.kinesis.endpoint-override", LocalStandIns.endpoint(kinesis),
        "gateway.kinesis.stream", "shared-it",
        "gateway.dead-letter.stream", "shared-it-dlq",
        "gateway.kinesis.shards", "1");
  }
}
