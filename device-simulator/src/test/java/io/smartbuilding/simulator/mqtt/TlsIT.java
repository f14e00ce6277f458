package io.smartbuilding.simulator.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartbuilding.contracts.telemetry.Telemetry;
import io.smartbuilding.simulator.bench.LocalMosquitto;
import io.smartbuilding.simulator.fleet.FleetLayout;
import io.smartbuilding.simulator.fleet.FleetSpec;
import io.smartbuilding.simulator.physics.DeviceModel;
import io.smartbuilding.simulator.SimulatedDevice;
import io.smartbuilding.simulator.fault.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Mutual TLS as AWS IoT Core does it, against a Mosquitto that requires a client certificate. */
@Timeout(60)
class TlsIT {

  private static PemFiles pem;
  private static LocalMosquitto broker;

  @BeforeAll
  static void start() throws Exception {
    Path dir = Files.createDirectories(Path.of("target/it/tls"));
    pem = PemFiles.create(dir);
    broker =
        LocalMosquitto.start(
            dir,
            List.of(
                "cafile " + pem.caCert().toAbsolutePath(),
                "certfile " + pem.serverCert().toAbsolutePath(),
                "keyfile " + pem.serverKey().toAbsolutePath(),
                "require_certificate true"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (broker != null) broker.close();
  }

  private static MqttSettings settings(TlsFiles tls, String clientId) {
    return new MqttSettings(
        "ssl://127.0.0.1:" + broker.port(), clientId, 1, Optional.empty(), Optional.empty(), 100, tls);
  }

  @Test
  void withTheClientCertificateReadingsAreAcknowledged() throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    TlsFiles tls =
        new TlsFiles(Optional.of(pem.caCert()), Optional.of(pem.clientCert()), Optional.of(pem.clientKey()));
    MqttTelemetryPublisher publisher = new MqttTelemetryPublisher(settings(tls, "it-tls"), log::add);
    try {
      publisher.connect();
      assertThat(publisher.awaitConnected(Duration.ofSeconds(15))).as(log.toString()).isTrue();
      var device = FleetLayout.of(new FleetSpec(1, 2, 2)).devices().get(2);
      SimulatedDevice simulated =
          new SimulatedDevice(device, DeviceModel.of(device, 1, ZoneOffset.UTC), Fault.NONE);
      for (int i = 0; i < 20; i++) {
        Telemetry t = simulated.next(Instant.now()).orElseThrow();
        assertThat(publisher.publish(t)).isTrue();
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> publisher.stats().acked() == 20);
    } finally {
      publisher.close();
    }
  }

  @Test
  void withoutTheClientCertificateTheBrokerRefusesTheConnection() throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    TlsFiles caOnly = new TlsFiles(Optional.of(pem.caCert()), Optional.empty(), Optional.empty());
    MqttTelemetryPublisher publisher = new MqttTelemetryPublisher(settings(caOnly, "it-tls-anon"), log::add);
    try {
      publisher.connect();
      assertThat(publisher.awaitConnected(Duration.ofSeconds(3))).isFalse();
      assertThat(log).anySatisfy(line -> assertThat(line).startsWith("cannot connect to ssl://"));
    } finally {
      publisher.close();
    }
  }
}
