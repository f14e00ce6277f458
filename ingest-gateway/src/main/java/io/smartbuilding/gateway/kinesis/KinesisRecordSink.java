package io.smartbuilding.gateway.kinesis;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardFilterType;

/** {@link RecordSink} on a Kinesis data stream through the AWS SDK. */
public final class KinesisRecordSink implements RecordSink {

  private final KinesisClient kinesis;
  private final String stream;

  public KinesisRecordSink(KinesisClient kinesis, String stream) {
    this.kinesis = kinesis;
    this.stream = stream;
  }

  @Override
  public List<Optional<String>> put(List<OutgoingRecord> records) {
    List<PutRecordsRequestEntry> entries = new ArrayList<>(records.size());
    for (OutgoingRecord r : records) {
      entries.add(
          PutRecordsRequestEntry.builder()
              .partitionKey(r.partitionKey())
              .explicitHashKey(r.explicitHashKey())
              .data(SdkBytes.fromByteArrayUnsafe(r.data()))
              .build());
    }
    PutRecordsResponse response = kinesis.putRecords(b -> b.streamName(stream).records(entries));
    List<Optional<String>> results = new ArrayList<>(records.size());
    List<PutRecordsResultEntry> entriesOut = response.records();
    for (int i = 0; i < entriesOut.size(); i++) {
      PutRecordsResultEntry e = entriesOut.get(i);
      String expectedShard = i < records.size() ? records.get(i).shardId() : null;
      if (e.errorCode() != null) {
        results.add(Optional.of(e.errorCode()));
      } else if (expectedShard != null
          && !ShardMap.UNKNOWN_SHARD_ID.equals(expectedShard)
          && !expectedShard.equals(e.shardId())) {
        results.add(Optional.of(STALE_SHARD_MAP));
      } else {
        results.add(Optional.empty());
      }
    }
    return results;
  }

  @Override
  public ShardMap shardMap() {
    List<ShardMap.Shard> open = new ArrayList<>();
    String next = null;
    do {
      String token = next;
      ListShardsResponse page =
          kinesis.listShards(
              b -> {
                if (token == null) {
                  b.streamName(stream).shardFilter(f -> f.type(ShardFilterType.AT_LATEST));
                } else {
                  b.nextToken(token);
                }
              });
      for (Shard s : page.shards()) {
        if (s.sequenceNumberRange().endingSequenceNumber() == null) {
          open.add(
              new ShardMap.Shard(
                  s.shardId(),
                  new BigInteger(s.hashKeyRange().startingHashKey()),
                  new BigInteger(s.hashKeyRange().endingHashKey())));
        }
      }
      next = page.nextToken();
    } while (next != null);
    return new ShardMap(open);
  }
}
