package io.smartbuilding.gateway.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartbuilding.contracts.kinesis.AggregatedRecord;
import io.smartbuilding.gateway.ingest.PendingMessage;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordAggregatorTest {

  private static final BigInteger HALF = BigInteger.TWO.pow(127);
  private static final ShardMap TWO_SHARDS = new ShardMap(List.of(
      new ShardMap.Shard("s0", BigInteger.ZERO, HALF.subtract(BigInteger.ONE)),
      new ShardMap.Shard("s1", HALF, BigInteger.TWO.pow(128).subtract(BigInteger.ONE))));

  @Test
  void putsEachDeviceInTheShardItsKeyHashesToAndKeepsItsOrder() {
    List<PendingMessage> messages = new ArrayList<>();
    for (int seq = 0; seq < 5; seq++) {
      for (int device = 0; device < 20; device++) {
        messages.add(message("dev-" + device, "seq-" + seq));
      }
    }

    List<OutgoingRecord> records = new RecordAggregator(1_000_000).aggregate(messages, TWO_SHARDS);

    assertThat(records).hasSize(2);
    for (OutgoingRecord record : records) {
      BigInteger pinned = new BigInteger(record.explicitHashKey());
      for (AggregatedRecord.UserRecord user : AggregatedRecord.decode(record.data(), "x")) {
        assertThat(TWO_SHARDS.shardFor(user.partitionKey()).startingHashKey()).isEqualTo(pinned);
      }
    }
    List<String> dev7 = records.stream()
        .flatMap(r -> AggregatedRecord.decode(r.data(), "x").stream())
        .filter(u -> u.partitionKey().equals("dev-7"))
        .map(u -> new String(u.data(), StandardCharsets.UTF_8))
        .toList();
    assertThat(dev7).containsExactly("seq-0", "seq-1", "seq-2", "seq-3", "seq-4");
  }

  @Test
  void splitsAggregatesThatWouldPassTheRecordSizeLimit() {
    List<PendingMessage> messages = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      messages.add(message("dev-1", "x".repeat(200)));
    }

    List<OutgoingRecord> records = new RecordAggregator(5_000).aggregate(messages, ShardMap.singleShard());

    assertThat(records).hasSizeGreaterThan(1);
    assertThat(records).allSatisfy(r -> assertThat(r.data().length).isLessThanOrEqualTo(5_000));
    assertThat(records.stream().mapToInt(r -> r.messages().size()).sum()).isEqualTo(100);
  }

  static PendingMessage message(String device, String body) {
    return new PendingMessage(device, body.getBytes(StandardCharsets.UTF_8), () -> {});
  }
}
