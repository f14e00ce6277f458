package io.smartbuilding.api.pagination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartbuilding.api.problem.ProblemException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CursorCodecTest {

  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
  private static final Cursor CURSOR =
      new Cursor(
          Map.of(
              "open",
              Map.of(
                  "alertId", AttributeValue.fromS("d1#OVERHEAT#1"),
                  "openedAt", AttributeValue.fromS("2025-03-01T08:00:00.000Z")),
              "resolved",
              Map.of(),
              "numbers",
              Map.of("n", AttributeValue.fromN("42"))));

  private final CursorCodec codec = new CursorCodec(KEY);

  @Test
  void readsBackWhatItWrote() {
    String token = codec.encode("alerts|b=b1", CURSOR);

    assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    Cursor decoded = codec.decode(token, "alerts|b=b1");
    assertThat(decoded).isEqualTo(CURSOR);
    assertThat(decoded.finished("resolved")).isTrue();
    assertThat(decoded.finished("open")).isFalse();
    assertThat(decoded.after("acknowledged")).isNull();
    assertThat(decoded.after("open")).containsKey("alertId");
  }

  @Test
  void readsNoTokenAsTheFirstPage() {
    assertThat(codec.decode(null, "q")).isSameAs(Cursor.START);
    assertThat(codec.decode("", "q")).isSameAs(Cursor.START);
  }

  @Test
  void refusesACursorOfOtherFilters() {
    String token = codec.encode("alerts|b=b1", CURSOR);

    assertRefused(() -> codec.decode(token, "alerts|b=b2"), "belongs to a list with other filters");
  }

  @Test
  void refusesAlteredTruncatedAndForeignTokens() {
    String token = codec.encode("q", CURSOR);
    String body = token.substring(0, token.indexOf('.'));
    String json = new String(Base64.getUrlDecoder().decode(body));
    String tampered =
        Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(json.replace("d1#OVERHEAT#1", "d9#OVERHEAT#1").getBytes())
            + token.substring(token.indexOf('.'));
    byte[] otherKey = Arrays.copyOf(KEY, KEY.length);
    otherKey[0] ^= 1;
    String foreign = new CursorCodec(otherKey).encode("q", CURSOR);

    for (String bad :
        new String[] {
          tampered, token.substring(0, token.length() - 2), "abc", "abc.def", "%%%.***", foreign
        }) {
      assertRefused(() -> codec.decode(bad, "q"), "'cursor' is not a cursor this API issued");
    }
  }

  @Test
  void refusesAShortKey() {
    assertThatThrownBy(() -> new CursorCodec(new byte[16]))
        .hasMessageContaining("at least 32 bytes");
  }

  private static void assertRefused(Runnable decode, String detail) {
    assertThatThrownBy(decode::run)
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(400);
              assertThat(e.problem().parameter()).isEqualTo("cursor");
              assertThat(e.problem().detail()).contains(detail);
            });
  }
}
