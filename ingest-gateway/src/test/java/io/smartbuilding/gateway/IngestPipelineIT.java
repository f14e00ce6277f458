package io.smartbuilding.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smartbuilding.contracts.telemetry.DeviceType;
import io.smartbuilding.contracts.telemetry.RejectReason;
import io.smartbuilding.contracts.telemetry.Telemetry;
import io.smartbuilding.contracts.telemetry.TelemetryCodec;
import io.smartbuilding.contracts.telemetry.TelemetryTopic;
import io.smartbuilding.contracts.testing.ContractExamples;
import io.smartbuilding.contracts.testing.LocalAwsClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * The gateway against a real Mosquitto and kinesis-local: every valid message published at QoS 1
 * arrives in the stream (de-aggregated: the KPL format), each device stays on one shard in order,
 * and every invalid message lands in the dead-letter stream with its reason and its raw bytes,
 * without stopping or disturbing the valid traffic.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalBrokerAndKinesis.class, restrictToAnnotatedClass = true)
class IngestPipelineIT {

  private static final int DEVICES = 40;
  private static final int PER_DEVICE = 50;
  private static final String SENDER_TOPIC = "buildings/b1/devices/b1-f2-zs-01/telemetry";
  private final TelemetryCodec codec = new TelemetryCodec();

  /** A message the gateway must refuse. */
  record Bad(String topic, byte[] payload, RejectReason reason) {}

  @Test
  void forwardsEveryValidMessageAndDeadLettersEveryInvalidOne() throws Exception {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        given().get("/q/health/ready").then().statusCode(200));

    List<Bad> bad = badMessages();
    try (MqttClient device = new MqttClient(
        "tcp://127.0.0.1:" + LocalBrokerAndKinesis.mosquitto.port(), "it-publisher", new MemoryPersistence())) {
      MqttConnectOptions options = new MqttConnectOptions();
      options.setMaxInflight(1000);
      device.connect(options);
      for (int seq = 1; seq <= PER_DEVICE; seq++) {
        if (seq - 1 < bad.size()) {
          Bad b = bad.get(seq - 1); // interleaved with the valid traffic
          device.publish(b.topic(), b.payload(), 1, false);
        }
        for (int d = 0; d < DEVICES; d++) {
          Telemetry t = reading("dev-" + d, seq);
          device.publish(TelemetryTopic.of(t.buildingId(), t.deviceId()), codec.encode(t), 1, false);
        }
      }
      device.disconnect();
    }

    Map<String, List<Long>> seqsByDevice = new HashMap<>();
    Map<String, Set<String>> shardsByDevice = new HashMap<>();
    List<Bad> deadLetters = new ArrayList<>();
    try (KinesisClient kinesis = LocalAwsClients.kinesis(LocalBrokerAndKinesis.kinesis)) {
      StreamTail telemetry = new StreamTail(kinesis, "telemetry-it");
      StreamTail dlq = new StreamTail(kinesis, "telemetry-it-dlq");
      assertThat(telemetry.shards()).isEqualTo(2);
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
        for (StreamTail.Entry e : telemetry.poll()) {
          Telemetry t = codec.decode(e.data());
          assertThat(e.partitionKey()).isEqualTo(t.deviceId());
          seqsByDevice.computeIfAbsent(t.deviceId(), k -> new ArrayList<>()).add(t.seq());
          shardsByDevice.computeIfAbsent(t.deviceId(), k -> new TreeSet<>()).add(e.shardId());
        }
        for (StreamTail.Entry e : dlq.poll()) {
          deadLetters.add(fromEnvelope(e));
        }
        return seqsByDevice.values().stream().mapToInt(List::size).sum() >= DEVICES * PER_DEVICE
            && deadLetters.size() >= bad.size();
      });
    }

    assertThat(seqsByDevice).hasSize(DEVICES);
    List<Long> expected = new ArrayList<>();
    for (long seq = 1; seq <= PER_DEVICE; seq++) {
      expected.add(seq);
    }
    // Nothing lost, nothing invalid let through; per device: one shard and publish order kept.
    seqsByDevice.values().forEach(seqs -> assertThat(seqs).containsExactlyElementsOf(expected));
    shardsByDevice.values().forEach(s -> assertThat(s).hasSize(1));
    assertThat(shardsByDevice.values().stream().flatMap(Set::stream).distinct().count()).isEqualTo(2);

    // Each refused message once in the dead-letter stream: its topic, raw bytes and reason.
    assertThat(deadLetters)
        .usingRecursiveFieldByFieldElementComparator()
        .containsExactlyInAnyOrderElementsOf(bad);

    Map<RejectReason, Integer> byReason = new EnumMap<>(RejectReason.class);
    bad.forEach(b -> byReason.merge(b.reason(), 1, Integer::sum));
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      var body = given().get("/q/metrics").then()
          .body(containsString("gateway_messages_forwarded_total " + (DEVICES * PER_DEVICE) + ".0"))
          .body(containsString("gateway_lag_seconds_count " + (DEVICES * PER_DEVICE) + ".0"))
          .body(containsString("gateway_forward_latency_seconds_count " + (DEVICES * PER_DEVICE) + ".0"))
          .body(containsString("gateway_messages_dead_lettered_total " + bad.size() + ".0"));
      byReason.forEach((reason, n) -> body.body(containsString(
          "gateway_messages_rejected_total{reason=\"" + reason + "\"} " + n + ".0")));
    });
  }

  /** Every contract example of bad input, plus the cases only a gateway can see. */
  private List<Bad> badMessages() {
    List<Bad> bad = new ArrayList<>();
    for (ContractExamples.Example e : ContractExamples.invalidTelemetry()) {
      bad.add(new Bad(SENDER_TOPIC, e.payload(), e.expectedReason()));
    }
    bad.add(new Bad("buildings/b1/devices/not-the-sender/telemetry",
        codec.encode(reading("b1-f2-zs-01", 1)), RejectReason.TOPIC_MISMATCH));
    byte[] oversized = ("{\"deviceId\":\"b1-f2-zs-01\",\"pad\":\"" + "x".repeat(17 * 1024) + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    bad.add(new Bad(SENDER_TOPIC, oversized, RejectReason.OVERSIZED));
    byte[] garbage = new byte[512];
    new Random(42).nextBytes(garbage);
    garbage[0] = (byte) 0xff; // never valid UTF-8, never '{'
    bad.add(new Bad(SENDER_TOPIC, garbage, RejectReason.MALFORMED_JSON));
    return bad;
  }

  private static Bad fromEnvelope(StreamTail.Entry e) throws Exception {
    JsonNode node = new ObjectMapper().readTree(e.data());
    String topic = node.get("topic").asText();
    assertThat(e.partitionKey()).isEqualTo(topic);
    assertThat(node.get("detail").asText()).isNotBlank();
    assertThat(Instant.parse(node.get("receivedAt").asText())).isBefore(Instant.now().plusSeconds(1));
    assertThat(node.get("payloadTruncated").asBoolean()).isFalse();
    byte[] payload = Base64.getDecoder().decode(node.get("payloadBase64").asText());
    assertThat(node.get("payloadBytes").asInt()).isEqualTo(payload.length);
    return new Bad(topic, payload, RejectReason.valueOf(node.get("reason").asText()));
  }

  private static Telemetry reading(String deviceId, long seq) {
    return new Telemetry(deviceId, "b1", 1, "f1-east", DeviceType.ZONE_SENSOR, Instant.now(), seq,
        Map.of("temperatureC", 21.5));
  }
}
