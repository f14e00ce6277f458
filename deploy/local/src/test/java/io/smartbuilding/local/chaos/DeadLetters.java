package io.smartbuilding.local.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smartbuilding.contracts.kinesis.AggregatedRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** Every envelope in the dead-letter stream, from the start (docs/contracts/dead-letters.md). */
final class DeadLetters {

  static final String STREAM = "smartbuilding-telemetry-dlq";
  private static final ObjectMapper JSON = new ObjectMapper();

  record Envelope(String reason, String topic, int payloadBytes) {}

  private DeadLetters() {}

  static List<Envelope> readAll(KinesisClient kinesis) {
    List<Envelope> envelopes = new ArrayList<>();
    for (Shard shard : kinesis.listShards(b -> b.streamName(STREAM)).shards()) {
      String iterator = kinesis.getShardIterator(b -> b.streamName(STREAM)
          .shardId(shard.shardId()).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
          .shardIterator();
      while (iterator != null) {
        String current = iterator;
        GetRecordsResponse page = kinesis.getRecords(b -> b.shardIterator(current).limit(10_000));
        for (Record r : page.records()) {
          for (AggregatedRecord.UserRecord u :
              AggregatedRecord.decode(r.data().asByteArray(), r.partitionKey())) {
            envelopes.add(parse(u.data()));
          }
        }
        if (page.records().isEmpty()) {
          break; // caught up (the emulator answers every page at once)
        }
        iterator = page.nextShardIterator();
      }
    }
    return envelopes;
  }

  private static Envelope parse(byte[] data) {
    try {
      JsonNode e = JSON.readTree(data);
      return new Envelope(e.path("reason").asText(), e.path("topic").asText(),
          e.path("payloadBytes").asInt());
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
