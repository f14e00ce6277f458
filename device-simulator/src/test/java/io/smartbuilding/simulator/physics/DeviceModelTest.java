package io.smartbuilding.simulator.physics;

import io.smartbuilding.contracts.telemetry.Metrics;
import static io.smartbuilding.contracts.telemetry.Metrics.CO2_PPM;
import static io.smartbuilding.contracts.telemetry.Metrics.COMPRESSOR_CURRENT_A;
import static io.smartbuilding.contracts.telemetry.Metrics.DOOR_FAULTS;
import static io.smartbuilding.contracts.telemetry.Metrics.ENERGY_KWH;
import static io.smartbuilding.contracts.telemetry.Metrics.FAN_SPEED_PCT;
import static io.smartbuilding.contracts.telemetry.Metrics.FILTER_PRESSURE_DROP_PA;
import static io.smartbuilding.contracts.telemetry.Metrics.HUMIDITY_PCT;
import static io.smartbuilding.contracts.telemetry.Metrics.OCCUPANCY;
import static io.smartbuilding.contracts.telemetry.Metrics.POWER_KW;
import static io.smartbuilding.contracts.telemetry.Metrics.RETURN_WATER_TEMP_C;
import static io.smartbuilding.contracts.telemetry.Metrics.SUPPLY_AIR_TEMP_C;
import static io.smartbuilding.contracts.telemetry.Metrics.SUPPLY_WATER_TEMP_C;
import static io.smartbuilding.contracts.telemetry.Metrics.TEMPERATURE_C;
import static io.smartbuilding.contracts.telemetry.Metrics.TRIPS;
import static io.smartbuilding.contracts.telemetry.Metrics.VIBRATION_MM_S;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartbuilding.contracts.telemetry.DeviceType;
import io.smartbuilding.simulator.fleet.Device;
import io.smartbuilding.simulator.fleet.Fleet;
import io.smartbuilding.simulator.fleet.FleetLayout;
import io.smartbuilding.simulator.fleet.FleetSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Runs every device of the demo fleet through a simulated Wednesday (UTC), one reading every 30 s,
 * without sleeping: the models take the time as an argument.
 */
class DeviceModelTest {

  private static final Instant MIDNIGHT = Instant.parse("2026-11-25T00:00:00Z"); // a Wednesday
  private static final Duration STEP = Duration.ofSeconds(30);
  private static final Fleet FLEET = FleetLayout.of(FleetSpec.DEMO);

  @Test
  void everyDeviceReportsItsTypesMetricsAndPlausibleValuesAllDay() {
    for (Device device : FLEET.devices()) {
      List<Map<String, Double>> day = simulateDay(device, 42);
      for (Map<String, Double> reading : day) {
        List<String> expected = new java.util.ArrayList<>(Metrics.reportedBy(device.type()));
        if (device.batteryPowered()) {
          expected.add(Battery.METRIC);
          assertThat(reading.get(Battery.METRIC)).as(device.id()).isBetween(50.0, 100.0);
        }
        assertThat(reading.keySet()).as(device.id()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(reading.values()).allSatisfy(v -> assertThat(v).isFinite());
        assertPlausible(device, reading);
      }
    }
  }

  @Test
  void normalTemperaturesStayWellBelowTheOverheatLimit() {
    for (Device device : FLEET.devices()) {
      if (Metrics.reportsTemperature(device.type())) {
        for (Map<String, Double> reading : simulateDay(device, 7)) {
          assertThat(reading.get(TEMPERATURE_C)).as(device.id()).isLessThan(55.0);
        }
      }
    }
  }

  @Test
  void roomsAreWarmerInTheAfternoonThanAtNightAndCo2FollowsPeople() {
    for (Device sensor : FLEET.ofType(DeviceType.ZONE_SENSOR)) {
      List<Map<String, Double>> day = simulateDay(sensor, 42);
      assertThat(average(day, TEMPERATURE_C, 14, 16))
          .as(sensor.id())
          .isGreaterThan(average(day, TEMPERATURE_C, 2, 4) + 1.0);
      assertThat(average(day, CO2_PPM, 10, 12))
          .as(sensor.id())
          .isGreaterThan(average(day, CO2_PPM, 2, 4) + 150);
      assertThat(average(day, OCCUPANCY, 2, 4)).isLessThan(0.5);
    }
  }

  @Test
  void airHandlersRunFasterInOfficeHours() {
    for (Device ahu : FLEET.ofType(DeviceType.AIR_HANDLER)) {
      List<Map<String, Double>> day = simulateDay(ahu, 42);
      assertThat(average(day, FAN_SPEED_PCT, 10, 12))
          .isGreaterThan(average(day, FAN_SPEED_PCT, 1, 3) + 30);
    }
  }

  @Test
  void countersNeverGoBackwards() {
    for (Device device : FLEET.devices()) {
      List<String> counters =
          switch (device.type()) {
            case ENERGY_METER -> List.of(ENERGY_KWH);
            case ELEVATOR -> List.of(TRIPS, DOOR_FAULTS);
            default -> List.of();
          };
      List<Map<String, Double>> day = simulateDay(device, 42);
      for (String counter : counters) {
        for (int i = 1; i < day.size(); i++) {
          assertThat(day.get(i).get(counter)).isGreaterThanOrEqualTo(day.get(i - 1).get(counter));
        }
        assertThat(day.get(day.size() - 1).get(counter))
            .as("%s %s moves over a day", device.id(), counter)
            .isGreaterThan(day.get(0).get(counter));
      }
    }
  }

  @Test
  void theEnergyRegisterIntegratesPower() {
    Device meter = FLEET.ofType(DeviceType.ENERGY_METER).get(0);
    List<Map<String, Double>> day = simulateDay(meter, 42);
    double averageKw = day.stream().mapToDouble(r -> r.get(POWER_KW)).average().orElseThrow();
    double usedKwh = day.get(day.size() - 1).get(ENERGY_KWH) - day.get(0).get(ENERGY_KWH);
    assertThat(usedKwh).isCloseTo(averageKw * 24, Offset.offset(averageKw * 24 * 0.05));
  }

  @Test
  void theSameSeedGivesTheSameReadingsAndAnotherSeedDifferentOnes() {
    Device device = FLEET.device("b1-f2-zs-01").orElseThrow();
    assertThat(simulateDay(device, 42)).isEqualTo(simulateDay(device, 42));
    assertThat(simulateDay(device, 43)).isNotEqualTo(simulateDay(device, 42));
  }

  @Test
  void wirelessZoneSensorsReportABatteryThatDrainsSlowlyAndWiredOnesDoNot() {
    Device wireless = FLEET.device("b1-f1-zs-02").orElseThrow();
    Device wired = FLEET.device("b1-f1-zs-01").orElseThrow();
    assertThat(wireless.batteryPowered()).isTrue();
    assertThat(wired.batteryPowered()).isFalse();
    assertThat(FLEET.device("b1-f0-ahu-02").orElseThrow().batteryPowered()).isFalse();

    DeviceModel model = DeviceModel.of(wireless, 42, ZoneOffset.UTC);
    double first = model.sample(MIDNIGHT).get(Battery.METRIC);
    double weekLater = model.sample(MIDNIGHT.plus(Duration.ofDays(7))).get(Battery.METRIC);
    assertThat(weekLater).isLessThan(first).isGreaterThan(first - 1.0);
    assertThat(DeviceModel.of(wired, 42, ZoneOffset.UTC).sample(MIDNIGHT))
        .doesNotContainKey(Battery.METRIC);
  }

  @Test
  void aSharedCycleGivesTheSameAnswersInAnyOrderOfInstants() {
    DailyCycle shared = DailyCycle.of(ZoneOffset.UTC);
    Instant noon = Instant.parse("2026-11-25T12:00:00Z");
    Instant saturday = Instant.parse("2026-11-28T11:00:00Z");
    double atNoon = shared.occupancy(noon);
    assertThat(shared.occupancy(saturday)).isZero();
    assertThat(shared.occupancy(noon)).isEqualTo(atNoon);
    assertThat(new DailyCycle(ZoneOffset.UTC).occupancy(noon)).isEqualTo(atNoon);
  }

  @Test
  void theWeatherDriftsOverDaysWithinItsRange() {
    List<Double> middays = new ArrayList<>();
    for (int day = 0; day < 30; day++) {
      middays.add(DailyCycle.weather(MIDNIGHT.plus(Duration.ofDays(day)).plus(Duration.ofHours(12))));
    }
    assertThat(middays).allSatisfy(w -> assertThat(w).isBetween(-1.0, 1.0));
    assertThat(middays.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
            - middays.stream().mapToDouble(Double::doubleValue).min().orElseThrow())
        .as("warm and cold spells within a month")
        .isGreaterThan(0.8);
    DailyCycle cycle = new DailyCycle(ZoneOffset.UTC);
    assertThat(cycle.warmth(MIDNIGHT.plus(Duration.ofHours(15))))
        .isGreaterThan(cycle.warmth(MIDNIGHT.plus(Duration.ofHours(3))));
  }

  @Test
  void nobodyIsInOnAWeekend() {
    DailyCycle cycle = new DailyCycle(ZoneOffset.UTC);
    assertThat(cycle.occupancy(Instant.parse("2026-11-28T11:00:00Z"))).isZero(); // Saturday
    assertThat(cycle.occupancy(Instant.parse("2026-11-25T11:00:00Z"))).isGreaterThan(0.9);
    assertThat(cycle.occupancy(Instant.parse("2026-11-25T22:00:00Z"))).isZero();
  }

  private static void assertPlausible(Device device, Map<String, Double> r) {
    String id = device.id();
    switch (device.type()) {
      case ZONE_SENSOR -> {
        assertThat(r.get(TEMPERATURE_C)).as(id).isBetween(18.0, 26.0);
        assertThat(r.get(HUMIDITY_PCT)).as(id).isBetween(30.0, 60.0);
        assertThat(r.get(CO2_PPM)).as(id).isBetween(390.0, 1400.0);
        assertThat(r.get(OCCUPANCY)).as(id).isBetween(0.0, 20.0);
        assertThat(r.get(OCCUPANCY) % 1.0).isZero();
      }
      case AIR_HANDLER -> {
        assertThat(r.get(TEMPERATURE_C)).as(id).isBetween(33.0, 46.0);
        assertThat(r.get(SUPPLY_AIR_TEMP_C)).as(id).isBetween(11.0, 17.0);
        assertThat(r.get(FAN_SPEED_PCT)).as(id).isBetween(15.0, 100.0);
        assertThat(r.get(VIBRATION_MM_S)).as(id).isBetween(0.5, 4.5);
        assertThat(r.get(FILTER_PRESSURE_DROP_PA)).as(id).isBetween(1.0, 250.0);
      }
      case CHILLER -> {
        assertThat(r.get(TEMPERATURE_C)).as(id).isBetween(39.0, 51.0);
        assertThat(r.get(SUPPLY_WATER_TEMP_C)).as(id).isBetween(5.5, 8.5);
        assertThat(r.get(RETURN_WATER_TEMP_C))
            .as(id)
            .isGreaterThan(r.get(SUPPLY_WATER_TEMP_C) + 2)
            .isLessThan(16.0);
        assertThat(r.get(COMPRESSOR_CURRENT_A)).as(id).isBetween(20.0, 180.0);
      }
      case ENERGY_METER -> {
        assertThat(r.get(POWER_KW)).as(id).isBetween(0.5, 70.0);
        assertThat(r.get(ENERGY_KWH)).as(id).isBetween(50_000.0, 201_000.0);
      }
      case ELEVATOR -> {
        assertThat(r.get(TEMPERATURE_C)).as(id).isBetween(24.0, 30.5);
        assertThat(r.get(TRIPS)).as(id).isPositive();
        assertThat(r.get(DOOR_FAULTS)).as(id).isGreaterThanOrEqualTo(0.0);
      }
    }
  }

  private static List<Map<String, Double>> simulateDay(Device device, long seed) {
    DeviceModel model = DeviceModel.of(device, seed, ZoneOffset.UTC);
    List<Map<String, Double>> readings = new ArrayList<>();
    for (Instant t = MIDNIGHT; t.isBefore(MIDNIGHT.plus(Duration.ofDays(1))); t = t.plus(STEP)) {
      readings.add(model.sample(t));
    }
    return readings;
  }

  /** Mean of a metric between two hours of the simulated day. */
  private static double average(
      List<Map<String, Double>> day, String metric, int fromHour, int toHour) {
    int perHour = (int) (Duration.ofHours(1).toSeconds() / STEP.toSeconds());
    return day.subList(fromHour * perHour, toHour * perHour).stream()
        .mapToDouble(r -> r.get(metric))
        .average()
        .orElseThrow();
  }
}
