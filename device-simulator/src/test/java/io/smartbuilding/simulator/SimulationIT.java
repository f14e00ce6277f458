package io.smartbuilding.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartbuilding.contracts.telemetry.Telemetry;
import io.smartbuilding.contracts.testing.LocalStandIns;
import io.smartbuilding.contracts.testing.LoopbackProcess;
import io.smartbuilding.simulator.fleet.FleetSpec;
import io.smartbuilding.simulator.mqtt.DeliveryStats;
import io.smartbuilding.simulator.mqtt.MqttSettings;
import io.smartbuilding.simulator.mqtt.MqttTelemetryPublisher;
import io.smartbuilding.simulator.mqtt.RecordingPublisher;
import io.smartbuilding.simulator.mqtt.TelemetrySubscriber;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A small fleet at a high rate against a real Mosquitto: everything the client accepted must reach
 * a QoS 1 subscriber, valid and in full, and the silent device must really stop.
 */
@Timeout(120)
class SimulationIT {

  private static final Duration RUN = Duration.ofSeconds(4);
  private static final Duration FAULT_AFTER = Duration.ofMillis(1_500);

  private static LoopbackProcess mosquitto;

  @BeforeAll
  static void startBroker() {
    mosquitto = LocalStandIns.mosquitto(Path.of("target/it/mosquitto"));
  }

  @AfterAll
  static void stopBroker() {
    if (mosquitto != null) mosquitto.close();
  }

  @Test
  void everyReadingSentArrivesOnceDecodedAndTheSilentDeviceStops() throws Exception {
    String broker = "tcp://127.0.0.1:" + mosquitto.port();
    SimulationSettings settings =
        new SimulationSettings(
            new FleetSpec(1, 2, 5), 100, RUN, 42, 1, 1, FAULT_AFTER, ZoneOffset.UTC);

    try (TelemetrySubscriber subscriber = new TelemetrySubscriber(broker)) {
      MqttTelemetryPublisher mqtt =
          new MqttTelemetryPublisher(
              MqttSettings.anonymous(broker, "it-sim", 1), System.err::println);
      RecordingPublisher publisher = new RecordingPublisher(mqtt);
      Simulation simulation =
          new Simulation(settings, publisher, Clock.systemUTC(), System.err::println);
      mqtt.connect();
      assertThat(mqtt.awaitConnected(Duration.ofSeconds(10))).isTrue();

      simulation.start();
      Thread.sleep(RUN.toMillis());
      Simulation.Summary summary = simulation.stop(Duration.ofSeconds(10));
      DeliveryStats stats = summary.stats();
      System.err.println(summary.line());

      assertThat(summary.allDelivered()).isTrue();
      assertThat(stats.failed()).isZero();
      assertThat(stats.acked()).isEqualTo(stats.sent());
      assertThat(publisher.accepted()).hasSize((int) stats.sent());

      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(() -> assertThat(subscriber.distinctCount()).isEqualTo(stats.sent()));
      assertThat(subscriber.invalid()).isEmpty();
      assertThat(subscriber.keys()).isEqualTo(publisher.accepted());
      System.err.printf(
          "SimulationIT: %d readings from %d devices in %.1fs = %.0f msg/s, %d deliveries%n",
          stats.sent(),
          summary.devices(),
          summary.elapsed().toMillis() / 1000.0,
          stats.sent() * 1000.0 / summary.elapsed().toMillis(),
          subscriber.deliveries());

      // each device: 1..last with nothing missing
      Map<String, List<Telemetry>> byDevice = subscriber.byDevice();
      assertThat(byDevice).hasSize(summary.devices());
      for (SimulatedDevice device : simulation.devices()) {
        List<Long> seqs =
            byDevice.get(device.device().id()).stream().map(Telemetry::seq).sorted().toList();
        assertThat(seqs)
            .as(device.device().id())
            .isEqualTo(LongStream.rangeClosed(1, device.lastSeq()).boxed().toList());
      }

      Instant onset = simulation.faultOnset();
      String quiet = simulation.faults().silent().get(0);
      assertThat(byDevice.get(quiet))
          .as("the silent device sent before the fault")
          .isNotEmpty()
          .allSatisfy(t -> assertThat(t.ts()).isBefore(onset));
      byDevice.forEach(
          (id, sent) -> {
            if (!id.equals(quiet)) {
              assertThat(sent)
                  .as(id + " kept sending after the fault")
                  .anySatisfy(t -> assertThat(t.ts()).isAfter(onset.plusSeconds(1)));
            }
          });
    }
  }
}
