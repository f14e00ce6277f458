package io.smartbuilding.bench.measure;

import io.smartbuilding.contracts.kinesis.AggregatedRecord;
import io.smartbuilding.contracts.telemetry.InvalidTelemetryException;
import io.smartbuilding.contracts.telemetry.Telemetry;
import io.smartbuilding.contracts.telemetry.TelemetryCodec;
import java.net.URI;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Reads the telemetry stream back and remembers every (deviceId, seq) in it: the exact check that
 * no message the broker acknowledged went missing on the way into Kinesis (the gateway acknowledges
 * to the broker only after PutRecords succeeded, so a lost message would be one the broker dropped
 * or the gateway acknowledged without storing). Each {@link #readNew} continues after the last
 * record it read, so it runs between steps, not during the measurement.
 */
public final class StreamAudit implements AutoCloseable {
  private final KinesisClient kinesis;
  private final String stream;
  private final TelemetryCodec codec = new TelemetryCodec();
  private final Map<String, String> lastSequenceNumber = new HashMap<>();
  private final Map<String, BitSet> seen = new HashMap<>();
  private long messages;
  private long duplicates;

  public StreamAudit(int kinesisPort, String stream) {
    this.stream = stream;
    this.kinesis =
        KinesisClient.builder()
            .endpointOverride(URI.create("http://127.0.0.1:" + kinesisPort))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
  }

  /** Reads every record added since the last call. */
  public void readNew() {
    List<Shard> shards = kinesis.listShards(r -> r.streamName(stream)).shards();
    for (Shard shard : shards) {
      String after = lastSequenceNumber.get(shard.shardId());
      String iterator =
          kinesis
              .getShardIterator(
                  r -> {
                    r.streamName(stream).shardId(shard.shardId());
                    if (after == null) {
                      r.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
                    } else {
                      r.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                          .startingSequenceNumber(after);
                    }
                  })
              .shardIterator();
      for (int emptyReads = 0; iterator != null && emptyReads < 2; ) {
        String from = iterator;
        GetRecordsResponse response = kinesis.getRecords(r -> r.shardIterator(from).limit(1000));
        for (Record record : response.records()) {
          count(record);
          lastSequenceNumber.put(shard.shardId(), record.sequenceNumber());
        }
        boolean caughtUp =
            response.millisBehindLatest() == null || response.millisBehindLatest() == 0;
        emptyReads = response.records().isEmpty() && caughtUp ? emptyReads + 1 : 0;
        iterator = response.nextShardIterator();
      }
    }
  }

  private void count(Record record) {
    for (AggregatedRecord.UserRecord user :
        AggregatedRecord.decode(record.data().asByteArray(), record.partitionKey())) {
      try {
        Telemetry t = codec.decode(user.data());
        BitSet seqs = seen.computeIfAbsent(t.deviceId(), id -> new BitSet());
        if (t.seq() <= Integer.MAX_VALUE && seqs.get((int) t.seq())) {
          duplicates++;
        } else if (t.seq() <= Integer.MAX_VALUE) {
          seqs.set((int) t.seq());
        }
        messages++;
      } catch (InvalidTelemetryException e) {
        // only valid telemetry reaches this stream; anything else is not ours to count
      }
    }
  }

  /** How many of {@code acked} the stream does not hold for the device. */
  public long missing(String deviceId, BitSet acked) {
    BitSet missing = (BitSet) acked.clone();
    missing.andNot(seen.getOrDefault(deviceId, new BitSet()));
    return missing.cardinality();
  }

  public long messages() {
    return messages;
  }

  public long duplicates() {
    return duplicates;
  }

  @Override
  public void close() {
    kinesis.close();
  }
}
