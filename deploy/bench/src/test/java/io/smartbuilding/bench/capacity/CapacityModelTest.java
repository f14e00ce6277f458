package io.smartbuilding.bench.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class CapacityModelTest {
  private static final double MONTH = 730 * 3600.0;
  private final CapacityModel model =
      new CapacityModel(CapacityModel.Assumptions.measuredDefaults());

  @Test
  void withAFewGatewayReplicasBytesDecideTheShards() {
    // 100,000 devices every 10 s: 10,000 msgs/s x 248 bytes = 2.48 MB/s; 0.6 x 1 MiB per shard -> 4
    CapacityModel.Sizing s = model.size(100_000, 0.1, MqttOption.MOSQUITTO);
    assertThat(s.messagesPerSecond()).isEqualTo(10_000);
    assertThat(s.ingestBytesPerSecond()).isEqualTo(2_480_000);
    assertThat(s.kinesisShards()).isEqualTo(4);
    // a tiny fleet still needs one shard
    assertThat(model.size(10, 0.1, MqttOption.MOSQUITTO).kinesisShards()).isEqualTo(1);
  }

  @Test
  void eachGatewayReplicaWritesItsOwnAggregateToEveryShard() {
    // 3 replicas (CPU) x 4 shards x 20 flushes/s = 240 records/s of ~10 KB: one PUT unit each
    CapacityModel.Sizing s = model.size(100_000, 0.1, MqttOption.MOSQUITTO);
    assertThat(s.gatewayReplicas()).isEqualTo(3);
    assertThat(s.kinesisRecordsPerSecond()).isEqualTo(240);
    assertThat(s.kinesisPutUnitsPerSecond()).isEqualTo(240);
    // few messages per replica and shard: a flush carries what there is, no more records than
    // messages (100 msgs/s over 2 replicas x 1 shard = 50 msgs/s each, above 20 flushes/s)
    assertThat(CapacityModel.kinesisRecords(100, 2, 1, MqttOption.MOSQUITTO)).isEqualTo(40);
    assertThat(CapacityModel.kinesisRecords(30, 2, 1, MqttOption.MOSQUITTO)).isEqualTo(30);
  }

  @Test
  void onIotCoreThePerConnectionQuotaSizesTheGatewayAndItsRecordsTheShards() {
    CapacityModel.Sizing s = model.size(100_000, 0.1, MqttOption.IOT_CORE);
    // 10,000 msgs/s at 80 per connection: 125 replicas, although 3 would do by CPU
    assertThat(s.gatewayReplicas()).isEqualTo(125);
    // 125 replicas x shards x 20/s exceeds the messages: every message is its own record, and
    // 10,000 records/s need ceil(10,000 / 600) = 17 shards, not the 4 the bytes need
    assertThat(s.kinesisRecordsPerSecond()).isEqualTo(10_000);
    assertThat(s.kinesisShards()).isEqualTo(17);
    // two billed messages per reading, tiered, and the devices' connection minutes
    double messages = 2 * 10_000 * MONTH;
    assertThat(s.mqttCost())
        .isCloseTo(
            CapacityModel.iotMessageCost(messages, 1.0) + 100_000.0 * 60 * 730 * 0.08 / 1e6,
            offset(1e-6));
    // a small fleet: CPU and quota agree on the two-replica minimum
    assertThat(model.size(1_000, 0.1, MqttOption.IOT_CORE).gatewayReplicas()).isEqualTo(2);
  }

  @Test
  void theIotRuleHasNoGatewayAndWritesOneRecordPerReading() {
    CapacityModel.Sizing s = model.size(100_000, 0.1, MqttOption.IOT_RULE);
    assertThat(s.gatewayReplicas()).isZero();
    assertThat(s.gatewayCost()).isZero();
    assertThat(s.kinesisRecordsPerSecond()).isEqualTo(10_000);
    assertThat(s.kinesisPutUnitsPerSecond()).isEqualTo(10_000);
    assertThat(s.kinesisShards()).isEqualTo(17);
    double readings = 10_000 * MONTH;
    assertThat(s.mqttCost())
        .isCloseTo(
            CapacityModel.iotMessageCost(readings, 1.0)
                + readings * (0.15 + 0.15) / 1e6
                + 100_000.0 * 60 * 730 * 0.08 / 1e6,
            offset(1e-6));
  }

  @Test
  void mosquittoCostsAnNlbAndTheBrokersCoresInsteadOfIotCharges() {
    CapacityModel.Sizing s = model.size(100_000, 0.1, MqttOption.MOSQUITTO);
    assertThat(s.brokerCores()).isCloseTo(0.5, offset(1e-9));
    // NLCUs: 1 for 100,000 connections, 8.93 for 2.48 MB/s x 3,600 s = 8.93 GB per hour
    double nlb = 730 * (0.0225 + 0.006 * 2.48e6 * 3600 / 1e9);
    double brokerReplica = 730 * (0.04048 + 2 * 0.004445);
    assertThat(s.mqttCost()).isCloseTo(nlb + brokerReplica, offset(1e-6));
  }

  @Test
  void theRecommendedOptionFollowsDeployReadme() {
    // 100 msgs/s: 2 quota replicas, a pilot: IoT Core with the gateway
    assertThat(model.size(1_000, 0.1).mqtt()).isEqualTo(MqttOption.IOT_CORE);
    assertThat(MqttOption.recommendedFor(320)).isEqualTo(MqttOption.IOT_CORE);
    // above 4 quota replicas: the IoT rule
    assertThat(MqttOption.recommendedFor(321)).isEqualTo(MqttOption.IOT_RULE);
    assertThat(model.size(10_000, 0.1).mqtt()).isEqualTo(MqttOption.IOT_RULE);
  }

  @Test
  void replicasAndParallelismComeFromTheMeasuredPerCoreRates() {
    CapacityModel.Sizing s = model.size(1_000_000, 0.1, MqttOption.MOSQUITTO); // 100,000 msgs/s
    assertThat(s.gatewayCores()).isCloseTo(100_000 / 8_300.0, offset(1e-9));
    assertThat(s.gatewayReplicas()).isEqualTo((int) Math.ceil(100_000 / 8_300.0 / 0.6)); // 21
    assertThat(s.flinkCores())
        .isCloseTo(0.3 + 100_000 / 45_000.0, offset(1e-9)); // baseline + per event
    assertThat(s.flinkParallelism())
        .isEqualTo((int) Math.ceil((0.3 + 100_000 / 45_000.0) / 0.6)); // 5
    assertThat(model.size(100, 0.1, MqttOption.MOSQUITTO).gatewayReplicas())
        .isEqualTo(2); // never fewer than two, for availability
  }

  @Test
  void dynamoWritesAreOneHealthPutPerRefreshAndItsIndexPlusHistoryBuckets() {
    CapacityModel.Sizing s = model.size(10_000, 0.1);
    // a reading every 10 s, the health rewritten every 60 s: the table and its byBuilding index
    double health = 10_000 / 60.0 * 2;
    double deviceBuckets = 10_000 * 4 / 60.0;
    double zones = 1_000;
    double floors = 250;
    double buildings = 25;
    double rollups = (zones + floors + buildings) * 4 / 300.0;
    assertThat(s.dynamoWritesPerSecond()).isCloseTo(health + deviceBuckets + rollups, offset(1e-6));
    assertThat(s.provisionedWcu())
        .isEqualTo((int) Math.ceil((health + deviceBuckets + rollups) / 0.6));
  }

  @Test
  void withoutAHealthRefreshEveryReadingIsAHealthPut() {
    CapacityModel everyReading =
        new CapacityModel(CapacityModel.Assumptions.measuredDefaults().withHealthRefreshSeconds(0));
    double history = model.size(10_000, 0.1).dynamoWritesPerSecond() - 10_000 / 60.0 * 2;
    assertThat(everyReading.size(10_000, 0.1).dynamoWritesPerSecond())
        .isCloseTo(1_000 * 2 + history, offset(1e-6));
  }

  @Test
  void readsCountListPagesByTheirBytesAndTheSsePollersByBuilding() {
    // a list page: 200 items x 0.65 KB = 130 KB = 33 x 4 KB, eventually consistent: 16.5 units
    assertThat(model.listPageReadUnits()).isEqualTo(16.5);
    CapacityModel.Sizing s = model.size(10_000, 0.1);
    // 100 requests/s: 90 single items (1 unit), 10 list pages (16.5 units)
    assertThat(s.apiReadUnitsPerSecond()).isCloseTo(90 + 10 * 16.5, offset(1e-9));
    // 25 buildings, half watched, each by two clients on the two API replicas: 25 pollers a
    // second, a mostly empty GSI query each (0.5 units)
    assertThat(s.apiReplicas()).isEqualTo(2);
    assertThat(s.sseReadUnitsPerSecond()).isCloseTo(12.5, offset(1e-9));
    assertThat(s.provisionedRcu()).isEqualTo((int) Math.ceil((255 + 12.5) / 0.6));
  }

  @Test
  void iotCoreMessagesAreTiered() {
    assertThat(CapacityModel.iotMessageCost(1e9, 1.0)).isCloseTo(1_000, offset(1e-6));
    assertThat(CapacityModel.iotMessageCost(5e9, 1.0)).isCloseTo(1_000 + 3_200, offset(1e-6));
    assertThat(CapacityModel.iotMessageCost(6e9, 1.0)).isCloseTo(1_000 + 3_200 + 700, offset(1e-6));
  }

  @Test
  void theTotalIsTheSumOfItsParts() {
    for (MqttOption option : MqttOption.values()) {
      CapacityModel.Sizing s = model.size(100_000, 0.1, option);
      assertThat(s.totalCost())
          .isCloseTo(
              s.mqttCost()
                  + s.kinesisCost()
                  + s.gatewayCost()
                  + s.flinkCost()
                  + s.dynamoCost()
                  + s.apiCost(),
              offset(1e-9));
    }
  }
}
