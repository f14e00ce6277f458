package io.smartbuilding.contracts.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartbuilding.contracts.kinesis.AggregatedRecord.UserRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class AggregatedRecordTest {

  @Test
  void keepsEachUserRecordsPartitionKeyAndOrder() {
    List<UserRecord> records = List.of(
        new UserRecord("dev-a", bytes("a1")),
        new UserRecord("dev-b", bytes("b1")),
        new UserRecord("dev-a", bytes("a2")));

    byte[] aggregate = AggregatedRecord.encode(records);

    assertThat(AggregatedRecord.isAggregated(aggregate)).isTrue();
    assertThat(AggregatedRecord.decode(aggregate, "ignored"))
        .extracting(r -> r.partitionKey() + "=" + new String(r.data(), StandardCharsets.UTF_8))
        .containsExactly("dev-a=a1", "dev-b=b1", "dev-a=a2");
  }

  @Test
  void passesPlainRecordsThroughAsOneUserRecord() {
    byte[] plain = bytes("{\"deviceId\":\"x\"}");

    assertThat(AggregatedRecord.isAggregated(plain)).isFalse();
    assertThat(AggregatedRecord.decode(plain, "pk"))
        .singleElement()
        .satisfies(r -> assertThat(r.partitionKey()).isEqualTo("pk"));
  }

  @Test
  void treatsAWrongChecksumAsNotAggregated() {
    byte[] aggregate = AggregatedRecord.encode(List.of(new UserRecord("k", bytes("v"))));
    aggregate[aggregate.length - 1] ^= 1;

    assertThat(AggregatedRecord.isAggregated(aggregate)).isFalse();
  }

  @Test
  void matchesTheKplWireFormat() {
    // Hand-assembled from the KPL's aggregation format description: magic, key table, record, MD5.
    byte[] aggregate = AggregatedRecord.encode(List.of(new UserRecord("k", bytes("v"))));

    assertThat(aggregate).startsWith(0xF3 - 256, 0x89 - 256, 0x9A - 256, 0xC2 - 256,
        0x0A, 0x01, 'k', 0x1A, 0x05, 0x08, 0x00, 0x1A, 0x01, 'v');
    assertThat(aggregate).hasSize(4 + 10 + 16);
  }

  @Property(tries = 200)
  void roundTripsAndStaysWithinTheSizeBound(
      @ForAll @Size(min = 1, max = 50) List<@AlphaChars @StringLength(min = 1, max = 20) String> keys,
      @ForAll @Size(max = 300) byte[] data) {
    List<UserRecord> records = new ArrayList<>();
    int bound = AggregatedRecord.overheadBytes();
    for (String key : keys) {
      records.add(new UserRecord(key, data));
      bound += AggregatedRecord.encodedSizeUpperBound(key, data.length);
    }

    byte[] aggregate = AggregatedRecord.encode(records);

    assertThat(aggregate.length).isLessThanOrEqualTo(bound);
    List<UserRecord> decoded = AggregatedRecord.decode(aggregate, "x");
    assertThat(decoded).extracting(UserRecord::partitionKey).containsExactlyElementsOf(keys);
    assertThat(decoded).allSatisfy(r -> assertThat(r.data()).isEqualTo(data));
  }

  @Test
  void refusesCorruptBodiesWithAClearError() {
    byte[] body = {0x1A, 0x7F}; // record field claiming 127 bytes that are not there
    byte[] aggregate = withChecksum(body);

    assertThatThrownBy(() -> AggregatedRecord.decode(aggregate, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("corrupt");
  }

  private static byte[] withChecksum(byte[] body) {
    try {
      byte[] md5 = java.security.MessageDigest.getInstance("MD5").digest(body);
      byte[] out = new byte[4 + body.length + 16];
      System.arraycopy(AggregatedRecord.MAGIC, 0, out, 0, 4);
      System.arraycopy(body, 0, out, 4, body.length);
      System.arraycopy(md5, 0, out, 4 + body.length, 16);
      return out;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
