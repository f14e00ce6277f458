package io.smartbuilding.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartbuilding.contracts.telemetry.RejectReason;
import io.smartbuilding.contracts.testing.LocalStandIns;
import io.smartbuilding.contracts.testing.LoopbackProcess;
import io.smartbuilding.simulator.fault.FaultKind;
import io.smartbuilding.simulator.fault.PlannedFault;
import io.smartbuilding.simulator.fleet.FleetSpec;
import io.smartbuilding.simulator.mqtt.ConnectionPool;
import io.smartbuilding.simulator.mqtt.MqttSettings;
import io.smartbuilding.simulator.mqtt.TelemetrySubscriber;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A fleet spread over three connections: every connection announces itself (online, then offline
 * at the end), every reading arrives, and a malformed burst reaches the broker counted by reason.
 */
@Timeout(120)
class FleetOverConnectionsIT {

  private static LoopbackProcess mosquitto;

  @BeforeAll
  static void startBroker() {
    mosquitto = LocalStandIns.mosquitto(Path.of("target/it/mosquitto-pool"));
  }

  @AfterAll
  static void stopBroker() {
    if (mosquitto != null) mosquitto.close();
  }

  @Test
  void readingsAndAMalformedBurstArriveOverEveryConnection() throws Exception {
    String broker = "tcp://127.0.0.1:" + mosquitto.port();
    Map<String, String> status = new ConcurrentHashMap<>();
    MqttClient watcher = new MqttClient(broker, "it-status-watcher", new MemoryPersistence());
    watcher.connect(new MqttConnectOptions());
    watcher.subscribe(
        "simulators/+/status",
        1,
        (topic, message) -> status.put(topic, new String(message.getPayload(), StandardCharsets.US_ASCII)));

    SimulationSettings settings =
        new SimulationSettings(
            new FleetSpec(1, 2, 6),
            50,
            Duration.ofSeconds(3),
            42,
            0,
            0,
            Duration.ZERO,
            ZoneOffset.UTC,
            List.of(new PlannedFault("b1-f1-zs-01", FaultKind.MALFORMED_BURST, Duration.ofMillis(500), 16)),
            0);
    try (TelemetrySubscriber subscriber = new TelemetrySubscriber(broker)) {
      ConnectionPool pool =
          new ConnectionPool(MqttSettings.anonymous(broker, "it-pool", 1), 3, System.err::println);
      pool.connect();
      assertThat(pool.awaitConnected(Duration.ofSeconds(10))).isTrue();
      assertThat(pool.connectedCount()).isEqualTo(3);
      Simulation simulation = new Simulation(settings, pool, Clock.systemUTC(), System.err::println);
      simulation.start();
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(status)
                      .containsOnlyKeys(
                          "simulators/it-pool-1/status", "simulators/it-pool-2/status", "simulators/it-pool-3/status")
                      .containsValues("online"));
      Thread.sleep(3_000);
      Simulation.Summary summary = simulation.stop(Duration.ofSeconds(10));
      System.err.println(summary.line());

      assertThat(summary.allDelivered()).isTrue();
      assertThat(summary.stats().failed()).isZero();
      assertThat(summary.malformed()).hasSize(RejectReason.values().length).containsValues(2L);
      assertThat(summary.malformed().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(16);
      assertThat(summary.line()).contains("malformed={");

      // Everything the broker acknowledged reaches a subscriber; the contract rejects all the
      // malformed ones except the ancient timestamp, which only the gateway's clock check catches.
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> assertThat(subscriber.deliveries()).isEqualTo(summary.stats().acked()));
      assertThat(subscriber.invalid()).hasSize(14);
      assertThat(subscriber.invalid())
          .filteredOn(line -> line.contains(RejectReason.TOPIC_MISMATCH.name()) || line.startsWith("topic "))
          .hasSize(2);
      assertThat(subscriber.byDevice()).hasSize(12);

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(status.values()).containsOnly("offline"));
    } finally {
      watcher.disconnect();
      watcher.close();
    }
  }
}
