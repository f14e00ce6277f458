package io.smartbuilding.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smartbuilding.contracts.testing.ContractExamples;
import io.smartbuilding.contracts.testing.LocalStandIns;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole platform as a user runs it: `./platform up` (on other ports, with faults that come
 * sooner), then what the README promises is checked through the REST API: the overheating device's
 * alert opens, the silent device's OFFLINE alert opens, and a message from a foreign MQTT client
 * (mosquitto_pub) reaches the device health endpoint. Finally the script is stopped like Ctrl-C and
 * every process it started must be gone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformEndToEndIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();
  private static final Path STATE = Path.of("target/e2e-stack").toAbsolutePath();

  private static Process platform;
  private static int portBase;
  private static List<Long> startedPids = List.of();
  private static String token;
  /** A viewer of b2 only, minted the same way: b1 must read to them as if it did not exist. */
  private static String viewerOfB2;

  @BeforeAll
  static void platformUp() throws Exception {
    Path root = LocalStandIns.repositoryRoot();
    portBase = freePortRange(7);
    Files.createDirectories(STATE);
    platform = new ProcessBuilder(
            "bash", root.resolve("deploy/local/platform.sh").toString(), "up", "--no-build",
            "--port-base", String.valueOf(portBase), "--state-dir", STATE.toString(),
            "--floors", "2", "--devices-per-floor", "5", "--rate", "2",
            "--fault-after", "5s", "--offline-after", "10")
        .redirectErrorStream(true)
        .redirectOutput(STATE.resolve("platform.out").toFile())
        .start();
    Runtime.getRuntime().addShutdownHook(new Thread(PlatformEndToEndIT::forceStop));
    Path ready = STATE.resolve("ready");
    await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).until(() -> {
      if (!platform.isAlive()) {
        throw new AssertionError("./platform up exited with " + platform.exitValue() + ":\n"
            + Files.readString(STATE.resolve("platform.out")));
      }
      return Files.exists(ready);
    });
    startedPids = Files.readAllLines(STATE.resolve("pids")).stream()
        .map(line -> Long.parseLong(line.split(" ")[0])).toList();
    // A token from the local issuer the stack trusts, as a developer would get one.
    Process tokenCommand = new ProcessBuilder(
            "bash", root.resolve("deploy/local/platform.sh").toString(), "token",
            "--state-dir", STATE.toString(), "--role", "manager", "--building", "*",
            "--subject", "e2e-test")
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    token = new String(tokenCommand.getInputStream().readAllBytes()).strip();
    assertThat(tokenCommand.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(tokenCommand.exitValue()).as("./platform token").isZero();
    Process viewerCommand = new ProcessBuilder(
            "bash", root.resolve("deploy/local/platform.sh").toString(), "token",
            "--state-dir", STATE.toString(), "--role", "viewer", "--building", "b2",
            "--subject", "e2e-viewer")
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    viewerOfB2 = new String(viewerCommand.getInputStream().readAllBytes()).strip();
    assertThat(viewerCommand.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(viewerCommand.exitValue()).as("./platform token (viewer)").isZero();
  }

  @AfterAll
  static void platformDown() {
    forceStop();
  }

  @Test
  @Order(1)
  void listsTheDemoBuildings() {
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      JsonNode buildings = get("/api/v1/buildings").get("items");
      assertThat(StreamSupport.stream(buildings.spliterator(), false)
          .map(b -> b.get("buildingId").asText())).contains("b1", "b2");
    });
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(get("/api/v1/buildings/b1/devices").get("items").size()).isEqualTo(10));
  }

  @Test
  @Order(1)
  void hidesAnotherBuildingFromAViewerOfB2() throws Exception {
    // b1 exists (the manager lists its devices above); to a viewer of b2 it is a 404.
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(get("/api/v1/buildings/b1/devices").get("items").size()).isPositive());
    HttpResponse<String> response = HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (portBase + 6)
                + "/api/v1/buildings/b1/devices"))
            .header("Authorization", "Bearer " + viewerOfB2)
            .timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
  }

  @Test
  @Order(2)
  void opensAnOverheatAlertForTheOverheatingDevice() throws Exception {
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
        assertThat(openAlertsOfType("OVERHEAT")).hasSize(1));
    JsonNode alert = openAlertsOfType("OVERHEAT").get(0);
    assertThat(alert.get("severity").asText()).isEqualTo("CRITICAL");
    assertThat(alert.get("peakValue").asDouble()).isGreaterThan(60.0);
    // The alert and the device's health are separate items written by separate sinks (alerts
    // within 0.5 s, health items in batches): the health item follows shortly after.
    String healthPath = "/api/v1/devices/" + alert.get("deviceId").asText() + "/health";
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
        assertThat(get(healthPath).get("status").asText()).isEqualTo("FAULT"));
  }

  @Test
  @Order(3)
  void opensAnOfflineAlertForTheSilentDevice() throws Exception {
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
        assertThat(openAlertsOfType("OFFLINE")).hasSize(1));
    String silent = openAlertsOfType("OFFLINE").get(0).get("deviceId").asText();
    assertThat(get("/api/v1/devices/" + silent + "/health").get("status").asText())
        .isEqualTo("OFFLINE");
  }

  @Test
  @Order(4)
  void carriesAMessageFromAForeignMqttClientToTheApi() throws Exception {
    ObjectNode message = (ObjectNode) JSON.readTree(ContractExamples.read("zone-sensor.json"));
    message.put("deviceId", "foreign-zs-01").put("buildingId", "b-foreign")
        .put("ts", Instant.now().toString()).put("seq", 1);
    ((ObjectNode) message.get("metrics")).put("temperatureC", 23.25);
    Process pub = new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", String.valueOf(portBase),
            "-q", "1", "-i", "e2e-foreign-client",
            "-t", "buildings/b-foreign/devices/foreign-zs-01/telemetry",
            "-m", JSON.writeValueAsString(message))
        .redirectErrorStream(true).start();
    assertThat(pub.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(pub.exitValue()).as(new String(pub.getInputStream().readAllBytes())).isZero();

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      JsonNode health = get("/api/v1/devices/foreign-zs-01/health");
      assertThat(health.get("buildingId").asText()).isEqualTo("b-foreign");
      assertThat(health.get("metrics").get("temperatureC").asDouble()).isEqualTo(23.25);
      assertThat(health.get("lastSeq").asLong()).isEqualTo(1);
    });
  }

  @Test
  @Order(5)
  void stopsEveryProcessItStartedWhenInterrupted() throws Exception {
    assertThat(startedPids).hasSizeGreaterThanOrEqualTo(7);
    platform.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the script's trap stops its children
    assertThat(platform.waitFor(90, TimeUnit.SECONDS)).isTrue();

    for (long pid : startedPids) {
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
          .as("process %d still running", pid).isFalse();
    }
    for (int port = portBase; port < portBase + 7; port++) {
      try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        assertThat(s.getLocalPort()).isEqualTo(port);
      }
    }
  }

  private static List<JsonNode> openAlertsOfType(String type) throws Exception {
    List<JsonNode> alerts = new ArrayList<>();
    get("/api/v1/alerts?status=open&limit=200").get("items").forEach(a -> {
      if (a.get("type").asText().equals(type)) {
        alerts.add(a);
      }
    });
    return alerts;
  }

  /** GETs a JSON resource; anything but 200 fails as an assertion, so Awaitility keeps polling. */
  private static JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (portBase + 6) + path))
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** Stops the script and, should it have been unable to, each process it recorded, by PID. */
  private static synchronized void forceStop() {
    if (platform != null && platform.isAlive()) {
      platform.destroy();
      try {
        if (!platform.waitFor(60, TimeUnit.SECONDS)) {
          platform.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (long pid : startedPids) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  /** A base port with {@code count} consecutive free ports on 127.0.0.1. */
  private static int freePortRange(int count) throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int base = ThreadLocalRandom.current().nextInt(20_000, 60_000);
      boolean free = true;
      for (int p = base; p < base + count && free; p++) {
        try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
          s.setReuseAddress(true);
        } catch (IOException taken) {
          free = false;
        }
      }
      if (free) {
        return base;
      }
    }
    throw new IOException("no range of " + count + " free ports found");
  }
}
