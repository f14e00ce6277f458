package io.smartbuilding.infra.tables;

import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;

/**
 * One table as the contracts define it: keys, global secondary indexes (all projecting every
 * attribute, as the services' local tables do) and the TTL attribute.
 */
public record TableSpec(
    String name,
    Key partitionKey,
    Optional<Key> sortKey,
    List<IndexSpec> indexes,
    Optional<String> timeToLiveAttribute) {

  /** A key attribute; the platform's keys are all strings today, but the type is part of it. */
  public record Key(String name, AttributeType type) {
    public static Key string(String name) {
      return new Key(name, AttributeType.STRING);
    }

    Attribute toAttribute() {
      return Attribute.builder().name(name).type(type).build();
    }
  }

  /** A global secondary index with a partition and a sort key. */
  public record IndexSpec(String name, Key partitionKey, Key sortKey) {}

  public TableSpec {
    indexes = List.copyOf(indexes);
  }
}
