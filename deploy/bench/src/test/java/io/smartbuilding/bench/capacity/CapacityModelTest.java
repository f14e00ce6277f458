package io.smartbuilding.bench.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class CapacityModelTest {
  private final CapacityModel model =
      new CapacityModel(CapacityModel.Assumptions.measuredDefaults());

  @Test
  void shardsFollowBytesAtTheTargetUtilization() {
    // 100,000 devices every 10 s: 10,000 msgs/s x 248 bytes = 2.48 MB/s; 0.6 x 1 MiB per shard -> 4
    CapacityModel.Sizing s = model.size(100_000, 0.1);
    assertThat(s.messagesPerSecond()).isEqualTo(10_000);
    assertThat(s.ingestBytesPerSecond()).isEqualTo(2_480_000);
    assertThat(s.kinesisShards()).isEqualTo(4);
    // a tiny fleet still needs one shard
    assertThat(model.size(10, 0.1).kinesisShards()).isEqualTo(1);
  }

  @Test
  void replicasAndParallelismComeFromTheMeasuredPerCoreRates() {
    CapacityModel.Sizing s = model.size(1_000_000, 0.1); // 100,000 msgs/s
    assertThat(s.gatewayCores()).isCloseTo(100_000 / 8_300.0, offset(1e-9));
    assertThat(s.gatewayReplicas()).isEqualTo((int) Math.ceil(100_000 / 8_300.0 / 0.6)); // 21
    assertThat(s.flinkCores())
        .isCloseTo(0.3 + 100_000 / 45_000.0, offset(1e-9)); // baseline + per event
    assertThat(s.flinkParallelism())
        .isEqualTo((int) Math.ceil((0.3 + 100_000 / 45_000.0) / 0.6)); // 5
    assertThat(model.size(100, 0.1).gatewayReplicas())
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
  void iotCoreMessagesAreTieredAndCountedInAndOut() {
    assertThat(CapacityModel.iotMessageCost(1e9, 1.0)).isCloseTo(1_000, offset(1e-6));
    assertThat(CapacityModel.iotMessageCost(5e9, 1.0)).isCloseTo(1_000 + 3_200, offset(1e-6));
    assertThat(CapacityModel.iotMessageCost(6e9, 1.0)).isCloseTo(1_000 + 3_200 + 700, offset(1e-6));
    CapacityModel.Sizing s = model.size(1_000, 0.1); // 100 msgs/s -> 2 x 262.8 M messages a month
    assertThat(s.iotCost())
        .isCloseTo(2 * 100 * 730 * 3600 / 1e6 + 1_000 * 60 * 730 * 0.08 / 1e6, offset(1e-6));
  }

  @Test
  void theTotalIsTheSumOfItsParts() {
    CapacityModel.Sizing s = model.size(100_000, 0.1);
    assertThat(s.totalCost())
        .isCloseTo(
            s.iotCost()
                + s.kinesisCost()
                + s.gatewayCost()
                + s.flinkCost()
                + s.dynamoCost()
                + s.apiCost(),
            offset(1e-9));
  }
}
