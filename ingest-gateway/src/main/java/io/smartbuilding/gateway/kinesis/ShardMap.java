package io.smartbuilding.gateway.kinesis;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which open shard a partition key lands on. Kinesis hashes the partition key with MD5 into a
 * 128-bit range split among shards; aggregating only keys of the same shard keeps every device's
 * messages in its own shard (and so in order), as the KPL does.
 */
public final class ShardMap {

  /** One open shard: its hash range, inclusive. */
  public record Shard(String shardId, BigInteger startingHashKey, BigInteger endingHashKey) {}

  private final List<Shard> shards;

  public ShardMap(List<Shard> openShards) {
    if (openShards.isEmpty()) {
      throw new IllegalArgumentException("a stream has at least one open shard");
    }
    List<Shard> sorted = new ArrayList<>(openShards);
    sorted.sort(Comparator.comparing(Shard::startingHashKey));
    this.shards = List.copyOf(sorted);
  }

  /** The id of the placeholder shard used until the real shards are listed. */
  public static final String UNKNOWN_SHARD_ID = "unknown";

  /** A single shard covering the whole key space: the placeholder until shards are listed. */
  public static ShardMap singleShard() {
    return new ShardMap(
        List.of(
            new Shard(
                UNKNOWN_SHARD_ID, BigInteger.ZERO, BigInteger.TWO.pow(128).subtract(BigInteger.ONE))));
  }

  public Shard shardFor(String partitionKey) {
    BigInteger hash = hash(partitionKey);
    for (Shard shard : shards) {
      if (hash.compareTo(shard.startingHashKey()) >= 0 && hash.compareTo(shard.endingHashKey()) <= 0) {
        return shard;
      }
    }
    return shards.get(shards.size() - 1); // gaps only exist mid-resharding; any open shard will do
  }

  public int size() {
    return shards.size();
  }

  static BigInteger hash(String partitionKey) {
    try {
      byte[] digest =
          MessageDigest.getInstance("MD5").digest(partitionKey.getBytes(StandardCharsets.UTF_8));
      return new BigInteger(1, digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM ships MD5", e);
    }
  }
}
