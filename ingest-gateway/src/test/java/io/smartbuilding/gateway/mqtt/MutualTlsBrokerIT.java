package io.smartbuilding.gateway.mqtt;

import io.smartbuilding.contracts.testing.TestCertificates;
import io.smartbuilding.contracts.mqtt.PemTlsContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartbuilding.contracts.testing.LoopbackProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real Mosquitto with a TLS listener that requires client certificates: Paho with the socket
 * factory the gateway builds from PEM files connects (hostname verification on); without the
 * gateway's certificate, or trusting another CA, it does not.
 */
class MutualTlsBrokerIT {

  private static final Path WORK = Path.of("target/it/tls").toAbsolutePath();
  private static TestCertificates certificates;
  private static Process mosquitto;
  private static int port;

  @BeforeAll
  static void startBroker() throws Exception {
    Files.createDirectories(WORK);
    certificates = TestCertificates.create(WORK);
    // Mosquitto started as root drops to its own user: it must be able to read a throw-away key.
    Files.setPosixFilePermissions(certificates.file("broker.key"),
        PosixFilePermissions.fromString("rw-r--r--"));
    port = LoopbackProcess.freePort();
    Path config = WORK.resolve("mosquitto-tls.conf");
    Files.writeString(config, String.join("\n",
        "listener " + port + " 127.0.0.1",
        "allow_anonymous true",
        "persistence false",
        "cafile " + certificates.file("ca.pem"),
        "certfile " + certificates.file("broker.pem"),
        "keyfile " + certificates.file("broker.key"),
        "require_certificate true",
        "log_dest stdout",
        ""));
    mosquitto = new ProcessBuilder("/usr/sbin/mosquitto", "-c", config.toString())
        .redirectErrorStream(true)
        .redirectOutput(WORK.resolve("mosquitto.log").toFile())
        .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline || !mosquitto.isAlive()) {
          throw new IllegalStateException("TLS Mosquitto did not start; see " + WORK.resolve("mosquitto.log"));
        }
        Thread.sleep(50);
      }
    }
  }

  @AfterAll
  static void stopBroker() throws InterruptedException {
    if (mosquitto != null) {
      mosquitto.destroy();
      if (!mosquitto.waitFor(10, TimeUnit.SECONDS)) {
        mosquitto.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void connectsWithTheGatewaysCertificate() throws Exception {
    try (MqttClient client = client()) {
      client.connect(options(Optional.of("gateway.pem"), Optional.of("gateway-pkcs1.key"), "ca.pem"));
      assertThat(client.isConnected()).isTrue();
      client.disconnect();
    }
  }

  @Test
  void isRefusedWithoutAClientCertificate() throws Exception {
    try (MqttClient client = client()) {
      assertThatThrownBy(() -> client.connect(options(Optional.empty(), Optional.empty(), "ca.pem")))
          .isInstanceOf(MqttException.class);
    }
  }

  @Test
  void refusesABrokerSignedByAnotherCa() throws Exception {
    try (MqttClient client = client()) {
      assertThatThrownBy(() -> client.connect(
              options(Optional.of("gateway.pem"), Optional.of("gateway.key"), "stranger.pem")))
          .isInstanceOf(MqttException.class);
    }
  }

  private static MqttClient client() throws MqttException {
    return new MqttClient("ssl://127.0.0.1:" + port, "tls-it", new MemoryPersistence());
  }

  private static MqttConnectOptions options(Optional<String> cert, Optional<String> key, String ca) {
    MqttConnectOptions options = new MqttConnectOptions();
    options.setConnectionTimeout(10);
    options.setSocketFactory(PemTlsContext.create(Optional.of(certificates.file(ca)),
        cert.map(certificates::file), key.map(certificates::file)).getSocketFactory());
    return options;
  }
}
