package io.smartbuilding.api.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.smartbuilding.api.testing.StoredItems;
import io.smartbuilding.contracts.health.DeviceStatus;
import io.smartbuilding.contracts.tables.DeviceHealthTable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceViewsTest {

  private static final Instant T0 = Instant.parse("2025-03-01T08:15:30.123Z");

  @Test
  void mapsTheFullHealthItem() {
    DeviceHealth health =
        DeviceHealth.fromItem(
            StoredItems.device("ahu-01", "hq", 3, "north", DeviceStatus.FAULT, T0));

    assertThat(health)
        .isEqualTo(
            new DeviceHealth(
                "ahu-01",
                "hq",
                3,
                "north",
                "AIR_HANDLER",
                "FAULT",
                72,
                List.of("vibrationMmS rising: 6.1 mm/s, baseline 2.3 mm/s"),
                1,
                T0,
                1842L,
                Map.of("temperatureC", 21.5, "humidityPct", 40.25),
                T0.plusMillis(250)));
    assertThat(health.metrics())
        .containsExactly(entry("temperatureC", 21.5), entry("humidityPct", 40.25));
  }

  @Test
  void mapsTheListEntryFromTheSameItem() {
    DeviceSummary summary =
        DeviceSummary.fromItem(
            StoredItems.device("zs-1", "hq", 0, "lobby", DeviceStatus.DEGRADED, T0));

    assertThat(summary)
        .isEqualTo(
            new DeviceSummary(
                "zs-1",
                "hq",
                0,
                "lobby",
                "AIR_HANDLER",
                "DEGRADED",
                72,
                List.of("vibrationMmS rising: 6.1 mm/s, baseline 2.3 mm/s"),
                1,
                T0));
  }

  @Test
  void readsMissingAttributesAsAbsent() {
    DeviceHealth health =
        DeviceHealth.fromItem(Map.of(DeviceHealthTable.DEVICE_ID, StoredItems.s("bare")));

    assertThat(health.deviceId()).isEqualTo("bare");
    assertThat(health.floor()).isNull();
    assertThat(health.lastSeq()).isNull();
    assertThat(health.lastSeen()).isNull();
    assertThat(health.metrics()).isEmpty();
    assertThat(health.healthScore()).isNull();
    assertThat(health.reasons()).isEmpty();
    assertThat(health.openAlerts()).isNull();
  }
}
