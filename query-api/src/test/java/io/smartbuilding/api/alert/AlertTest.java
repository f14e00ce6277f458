package io.smartbuilding.api.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartbuilding.api.testing.StoredItems;
import io.smartbuilding.contracts.alert.AlertStatus;
import io.smartbuilding.contracts.alert.AlertType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertTest {

  private static final Instant T0 = Instant.parse("2025-03-01T08:15:30.123Z");

  @Test
  void mapsAStoredAlert() {
    Alert alert =
        Alert.fromItem(
            StoredItems.alert("ahu-01", "hq", AlertType.OVERHEAT, AlertStatus.RESOLVED, T0));

    assertThat(alert)
        .isEqualTo(
            new Alert(
                "ahu-01#OVERHEAT#" + T0.toEpochMilli(),
                "ahu-01",
                "hq",
                3,
                "north",
                "AIR_HANDLER",
                "OVERHEAT",
                "CRITICAL",
                "resolved",
                "temperatureC 31.2 above limit 28.0",
                T0,
                T0.plusSeconds(60),
                T0.plusSeconds(120),
                31.2,
                28.0,
                T0.plusSeconds(61),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                0));
  }

  @Test
  void leavesResolvedAtEmptyWhileOpen() {
    Alert alert =
        Alert.fromItem(StoredItems.alert("ahu-01", "hq", AlertType.OFFLINE, AlertStatus.OPEN, T0));

    assertThat(alert.status()).isEqualTo("open");
    assertThat(alert.resolvedAt()).isNull();
  }

  @Test
  void sortsNewestFirstThenByIdWithUndatedLast() {
    Alert older = withOpenedAt("b", T0);
    Alert newer = withOpenedAt("c", T0.plusMillis(1));
    Alert tieA = withOpenedAt("a", T0);
    Alert undated = withOpenedAt("0", null);
    List<Alert> alerts = new ArrayList<>(List.of(undated, older, tieA, newer));

    alerts.sort(Alert.NEWEST_FIRST);

    assertThat(alerts).extracting(Alert::alertId).containsExactly("c", "a", "b", "0");
  }

  private static Alert withOpenedAt(String id, Instant openedAt) {
    return new Alert(
        id, null, null, null, null, null, null, null, null, null, openedAt, null, null, null, null,
        null, null, null, null, null, null, null, null, null, List.of(), 0);
  }
}
