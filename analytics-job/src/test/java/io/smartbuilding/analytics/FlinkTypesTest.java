package io.smartbuilding.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartbuilding.analytics.alert.Alert;
import io.smartbuilding.analytics.building.Building;
import io.smartbuilding.analytics.building.Placement;
import io.smartbuilding.analytics.alert.Sample;
import io.smartbuilding.analytics.anomaly.AnomalyTrack;
import io.smartbuilding.analytics.anomaly.Ewma;
import io.smartbuilding.analytics.health.DeviceHealth;
import io.smartbuilding.analytics.health.HealthAssessment;
import io.smartbuilding.analytics.rules.DefaultRules;
import io.smartbuilding.analytics.rules.RuleSet;
import io.smartbuilding.analytics.rules.RuleTrack;
import io.smartbuilding.contracts.alert.AlertType;
import io.smartbuilding.contracts.alert.Severity;
import io.smartbuilding.analytics.telemetry.TelemetryTypeInfo;
import io.smartbuilding.contracts.health.DeviceStatus;
import io.smartbuilding.contracts.telemetry.Telemetry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every type that crosses an operator boundary or lives in state is serialized by Flink's own
 * serializers, field by field, and survives a round trip. Kryo (a generic type) would be slower
 * and, for the contract's immutable maps, wrong.
 */
class FlinkTypesTest {

  record Case(TypeInformation<?> type, Object value) {
    @Override
    public String toString() {
      return type.getTypeClass().getSimpleName();
    }
  }

  static Stream<Case> values() {
    Telemetry reading = Readings.temperature(3, Readings.T0, 71.5);
    Instant now = Instant.parse("2026-11-25T09:00:00Z");
    return Stream.of(
        new Case(TelemetryTypeInfo.TELEMETRY, reading),
        new Case(
            TypeInformation.of(DeviceHealth.class),
            DeviceHealth.of(
                reading,
                new HealthAssessment(DeviceStatus.FAULT, 50, List.of("Too hot."), 1),
                now)),
        new Case(
            TypeInformation.of(Alert.class),
            Alert.open(reading, "OVERHEAT", AlertType.OVERHEAT, "temperatureC", Severity.CRITICAL,
                    Readings.T0, "OVERHEAT: temperatureC above 60", now)
                .seen(Readings.T0, "temperatureC 71.5 above limit 60", 71.5, 60.0,
                    List.of(new Sample(Readings.T0, 71.5)), now)
                .withPredictedAt(now)),
        new Case(TypeInformation.of(RuleSet.class), DefaultRules.of(60, 2)),
        new Case(
            TypeInformation.of(RuleTrack.class),
            new RuleTrack(true, 1, true, 2.5, 3, true, 4.5, 5,
                List.of(new Sample(Readings.T0, 1.0)))),
        new Case(
            TypeInformation.of(AnomalyTrack.class),
            new AnomalyTrack(new Ewma(3, 1.5, 0.25), 2, 7, false, 4.5, 9.0,
                List.of(new Sample(Readings.T0, 9.0)))),
        new Case(
            TypeInformation.of(HealthAssessment.class),
            new HealthAssessment(DeviceStatus.DEGRADED, 80, List.of("Why."), 1)),
        new Case(
            TypeInformation.of(Alert.class),
            Alert.offline(reading, Duration.ofSeconds(60), now).resolved(now, now)),
        new Case(
            TypeInformation.of(Building.class),
            new Building("b1", List.of(-1, 0, 3), List.of("a", "b"), 4, now)),
        new Case(TypeInformation.of(Placement.class), new Placement(3, "f3-west")));
  }

  @ParameterizedTest
  @MethodSource("values")
  void isAPojoWithoutGenericFields(Case c) {
    assertThat(c.type()).isInstanceOf(PojoTypeInfo.class);
    PojoTypeInfo<?> pojo = (PojoTypeInfo<?>) c.type();
    assertThat(pojo.getArity()).isEqualTo(c.value().getClass().getRecordComponents().length);
    for (int i = 0; i < pojo.getArity(); i++) {
      assertThat(pojo.getTypeAt(i))
          .as("field %s", pojo.getPojoFieldAt(i).getField().getName())
          .isNotInstanceOf(GenericTypeInfo.class);
    }
  }

  /** Arrays make record equality useless, so this state type is only checked for Kryo. */
  @org.junit.jupiter.api.Test
  void theWearWindowIsAPojoOfPrimitiveArrays() {
    isAPojoWithoutGenericFields(
        new Case(
            TypeInformation.of(io.smartbuilding.analytics.anomaly.WearWindow.class),
            new io.smartbuilding.analytics.anomaly.WearWindow(
                new long[] {1}, new double[] {2}, 3, 4, 5, true)));
  }

  @ParameterizedTest
  @MethodSource("values")
  @SuppressWarnings("unchecked")
  void survivesARoundTrip(Case c) throws Exception {
    TypeSerializer<Object> serializer =
        (TypeSerializer<Object>) c.type().createSerializer(new SerializerConfigImpl());
    DataOutputSerializer out = new DataOutputSerializer(256);
    serializer.serialize(c.value(), out);

    Object copy = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

    assertThat(copy).isEqualTo(c.value());
  }
}
