package io.smartbuilding.api.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartbuilding.contracts.tables.StoredTime;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The fast path for StoredTime's fixed width must read exactly what Instant.parse reads. */
class ItemInstantTest {

  @Test
  void readsStoredTimesAsInstantParseDoes() {
    Random random = new Random(42);
    for (int i = 0; i < 10_000; i++) {
      // 1970 to 2100, millisecond precision, as StoredTime writes them.
      Instant instant = Instant.ofEpochMilli((long) (random.nextDouble() * 4_102_444_800_000L));
      String stored = StoredTime.format(instant);
      assertThat(Item.parseInstant(stored)).isEqualTo(Instant.parse(stored)).isEqualTo(instant);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-03-01T08:15:30Z",
        "2025-03-01T08:15:30.123456Z",
        "2025-03-01T08:15:30.1Z",
        "2024-02-29T23:59:59.999Z"
      })
  void readsOtherIsoFormsThroughInstantParse(String text) {
    assertThat(Item.parseInstant(text)).isEqualTo(Instant.parse(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-13-01T08:15:30.123Z",
        "2025-02-30T08:15:30.123Z",
        "2025-03-01T24:15:30.123Z",
        "2025-03-01T08:61:30.123Z",
        "2025-03-01T08:15:30.12aZ",
        "2025-03-01 08:15:30.123Z",
        "+025-03-01T08:15:30.123Z"
      })
  void refusesWhatInstantParseRefuses(String text) {
    Item item = Item.of(Map.of("at", AttributeValue.fromS(text)));
    assertThatThrownBy(() -> item.instant("at"))
        .isInstanceOf(MalformedItemException.class)
        .hasMessageContaining("'at'");
  }
}
