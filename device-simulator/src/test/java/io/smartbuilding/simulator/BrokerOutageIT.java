package io.smartbuilding.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartbuilding.contracts.testing.LocalStandIns;
import io.smartbuilding.contracts.testing.LoopbackProcess;
import io.smartbuilding.simulator.fleet.FleetSpec;
import io.smartbuilding.simulator.mqtt.DeliveryStats;
import io.smartbuilding.simulator.mqtt.MqttSettings;
import io.smartbuilding.simulator.mqtt.MqttTelemetryPublisher;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The broker dies mid-run: the simulator keeps going, counts the failures and resumes. */
@Timeout(120)
class BrokerOutageIT {

  @Test
  void keepsRunningThroughABrokerCrashAndResumesWhenItIsBack() throws Exception {
    try (LoopbackProcess mosquitto =
        LocalStandIns.mosquitto(Path.of("target/it/mosquitto-outage"))) {
      List<String> status = new CopyOnWriteArrayList<>();
      Consumer<String> log =
          line -> {
            status.add(line);
            System.err.println("BrokerOutageIT: " + line);
          };
      MqttTelemetryPublisher publisher =
          new MqttTelemetryPublisher(
              MqttSettings.anonymous("tcp://127.0.0.1:" + mosquitto.port(), "it-outage", 1), log);
      SimulationSettings settings =
          new SimulationSettings(
              new FleetSpec(1, 1, 4), 20, Duration.ZERO, 42, 0, 0, Duration.ZERO, ZoneOffset.UTC);
      Simulation simulation = new Simulation(settings, publisher, Clock.systemUTC(), log);
      publisher.connect();
      assertThat(publisher.awaitConnected(Duration.ofSeconds(10))).isTrue();
      simulation.start();
      try {
        await().atMost(Duration.ofSeconds(10)).until(() -> publisher.stats().acked() > 50);

        mosquitto.kill();
        await().atMost(Duration.ofSeconds(10)).until(() -> !publisher.isConnected());
        await().atMost(Duration.ofSeconds(10)).until(() -> publisher.stats().refused() > 10);
        DeliveryStats duringOutage = publisher.stats();

        mosquitto.restart();
        await().atMost(Duration.ofSeconds(30)).until(publisher::isConnected);
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> publisher.stats().acked() > duringOutage.acked() + 50);
      } finally {
        log.accept(simulation.stop(Duration.ofSeconds(5)).line());
      }
      assertThat(status)
          .anySatisfy(line -> assertThat(line).startsWith("connection to").contains("lost"))
          .anySatisfy(line -> assertThat(line).startsWith("reconnected to"))
          .anySatisfy(line -> assertThat(line).startsWith("readings refused: "));
    }
  }
}
