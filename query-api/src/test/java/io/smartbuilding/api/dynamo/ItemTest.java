package io.smartbuilding.api.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemTest {

  @Test
  void readsAbsentAndNullAttributesAsNull() {
    Item item = Item.of(Map.of("gone", AttributeValue.fromNul(true)));

    assertThat(item.string("gone")).isNull();
    assertThat(item.integer("missing")).isNull();
    assertThat(item.instant("missing")).isNull();
    assertThat(item.numberMap("missing")).isEmpty();
    assertThat(item.stringList("missing")).isEmpty();
  }

  @Test
  void failsLoudlyOnAttributesOfTheWrongType() {
    Item item =
        Item.of(
            Map.of(
                "floor", AttributeValue.fromS("three"),
                "lastSeen", AttributeValue.fromS("yesterday"),
                "metrics", AttributeValue.fromM(Map.of("t", AttributeValue.fromS("hot"))),
                "zones", AttributeValue.fromL(List.of(AttributeValue.fromN("1")))));

    assertThatThrownBy(() -> item.integer("floor"))
        .isInstanceOf(MalformedItemException.class)
        .hasMessage("attribute 'floor' is not a number");
    assertThatThrownBy(() -> item.instant("lastSeen"))
        .hasMessage("attribute 'lastSeen' is not an ISO-8601 time");
    assertThatThrownBy(() -> item.numberMap("metrics"))
        .hasMessage("attribute 'metrics.t' is not a number");
    assertThatThrownBy(() -> item.stringList("zones"))
        .hasMessage("attribute 'zones' is not a list of strings");
  }
}
