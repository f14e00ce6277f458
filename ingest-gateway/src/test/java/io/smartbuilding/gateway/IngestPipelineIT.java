package io.smartbuilding.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smartbuilding.contracts.kinesis.AggregatedRecord;
import io.smartbuilding.contracts.telemetry.DeviceType;
import io.smartbuilding.contracts.telemetry.Telemetry;
import io.smartbuilding.contracts.telemetry.TelemetryCodec;
import io.smartbuilding.contracts.telemetry.TelemetryTopic;
import io.smartbuilding.contracts.testing.ContractExamples;
import io.smartbuilding.contracts.testing.LocalAwsClients;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * The gateway against a real Mosquitto and kinesis-local: every valid message published at QoS 1
 * arrives in the stream (de-aggregated: the KPL format), each device stays on one shard in order,
 * and every invalid message is counted by reason without stopping the gateway.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalBrokerAndKinesis.class, restrictToAnnotatedClass = true)
class IngestPipelineIT {

  private static final int DEVICES = 40;
  private static final int PER_DEVICE = 50;
  private final TelemetryCodec codec = new TelemetryCodec();

  @Test
  void forwardsEveryValidMessageAndCountsEveryInvalidOne() throws Exception {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        given().get("/q/health/ready").then().statusCode(200));

    try (MqttClient device = new MqttClient(
        "tcp://127.0.0.1:" + LocalBrokerAndKinesis.mosquitto.port(), "it-publisher", new MemoryPersistence())) {
      MqttConnectOptions options = new MqttConnectOptions();
      options.setMaxInflight(1000);
      device.connect(options);
      for (ContractExamples.Example bad : ContractExamples.invalidTelemetry()) {
        device.publish("buildings/b1/devices/b1-f2-zs-01/telemetry", bad.payload(), 1, false);
      }
      device.publish("buildings/b1/devices/not-the-sender/telemetry",
          codec.encode(reading("b1-f2-zs-01", 1)), 1, false);
      for (int seq = 1; seq <= PER_DEVICE; seq++) {
        for (int d = 0; d < DEVICES; d++) {
          Telemetry t = reading("dev-" + d, seq);
          device.publish(TelemetryTopic.of(t.buildingId(), t.deviceId()), codec.encode(t), 1, false);
        }
      }
      device.disconnect();
    }

    Map<String, List<Long>> seqsByDevice = new HashMap<>();
    Map<String, Set<String>> shardsByDevice = new HashMap<>();
    try (KinesisClient kinesis = LocalAwsClients.kinesis(LocalBrokerAndKinesis.kinesis)) {
      List<Shard> shards = kinesis.listShards(b -> b.streamName("telemetry-it")).shards();
      assertThat(shards).hasSize(2);
      Map<String, String> iterators = new HashMap<>();
      for (Shard s : shards) {
        iterators.put(s.shardId(), kinesis.getShardIterator(b -> b.streamName("telemetry-it")
            .shardId(s.shardId()).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
      }
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
        for (Map.Entry<String, String> it : iterators.entrySet()) {
          GetRecordsResponse page = kinesis.getRecords(b -> b.shardIterator(it.getValue()));
          it.setValue(page.nextShardIterator());
          for (Record r : page.records()) {
            for (AggregatedRecord.UserRecord u : AggregatedRecord.decode(r.data().asByteArray(), r.partitionKey())) {
              Telemetry t = codec.decode(u.data());
              assertThat(u.partitionKey()).isEqualTo(t.deviceId());
              seqsByDevice.computeIfAbsent(t.deviceId(), k -> new ArrayList<>()).add(t.seq());
              shardsByDevice.computeIfAbsent(t.deviceId(), k -> new TreeSet<>()).add(it.getKey());
            }
          }
        }
        return seqsByDevice.values().stream().mapToInt(List::size).sum() >= DEVICES * PER_DEVICE;
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

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/q/metrics").then()
        .body(containsString("gateway_messages_rejected_total{reason=\"MALFORMED_JSON\"} 2.0"))
        .body(containsString("gateway_messages_rejected_total{reason=\"TOPIC_MISMATCH\"} 1.0"))
        .body(containsString("gateway_messages_rejected_total{reason=\"WRONG_TYPE\"} 2.0"))
        .body(containsString("gateway_messages_forwarded_total " + (DEVICES * PER_DEVICE) + ".0")));
  }

  private static Telemetry reading(String deviceId, long seq) {
    return new Telemetry(deviceId, "b1", 1, "f1-east", DeviceType.ZONE_SENSOR, Instant.now(), seq,
        Map.of("temperatureC", 21.5));
  }
}
