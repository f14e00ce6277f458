package io.smartbuilding.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartbuilding.analytics.alert.Alert;
import io.smartbuilding.analytics.building.Building;
import io.smartbuilding.analytics.health.DeviceHealth;
import io.smartbuilding.analytics.health.HealthRules;
import io.smartbuilding.contracts.alert.AlertStatus;
import io.smartbuilding.contracts.health.DeviceStatus;
import io.smartbuilding.contracts.telemetry.TelemetryCodec;
import io.smartbuilding.contracts.testing.ContractExamples;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.source.SourceFunction;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The wiring, with an in-memory source and sinks in place of Kinesis and DynamoDB. */
class AnalyticsJobTest {

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setConfiguration(AnalyticsJob.loopbackOnly(0))
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @Test
  void routesTelemetryToHealthAlertsAndBuildings() throws Exception {
    TelemetryCodec codec = new TelemetryCodec();
    Instant t0 = Instant.parse("2026-11-25T08:00:00Z");
    List<byte[]> records = new ArrayList<>();
    ContractExamples.validTelemetry().forEach(e -> records.add(e.payload()));
    records.add("{not telemetry".getBytes());
    records.add(codec.encode(Readings.temperature(1, t0, 64.0)));
    records.add(codec.encode(Readings.temperature(1, t0, 64.0))); // duplicate
    records.add(codec.encode(Readings.temperature(2, t0.plusSeconds(1), 20.0)));

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    new AnalyticsJob(
            HealthRules.defaults(),
            new ListSource(records),
            new CollectingSink<>("health"),
            new CollectingSink<>("alerts"),
            new CollectingSink<>("buildings"))
        .addTo(env);
    env.execute("pipeline-test");

    List<DeviceHealth> health = CollectingSink.results("health");
    assertThat(health)
        .extracting(DeviceHealth::deviceId)
        .containsExactlyInAnyOrder(
            "b1-f2-zs-01",
            "b1-f0-ahu-01",
            "b2-f0-ch-01",
            "b2-f1-em-01",
            Readings.DEVICE,
            Readings.DEVICE);
    assertThat(health)
        .filteredOn(h -> h.deviceId().equals(Readings.DEVICE))
        .extracting(DeviceHealth::status)
        .containsExactly(DeviceStatus.FAULT, DeviceStatus.OK);

    List<Alert> alerts = CollectingSink.results("alerts");
    assertThat(alerts)
        .filteredOn(a -> a.deviceId().equals(Readings.DEVICE))
        .extracting(Alert::status)
        .containsExactly(AlertStatus.OPEN, AlertStatus.RESOLVED);
    assertThat(alerts)
        .filteredOn(a -> a.deviceId().equals("b1-f0-ahu-01"))
        .extracting(Alert::status)
        .containsExactly(AlertStatus.OPEN);

    List<Building> buildings = CollectingSink.results("buildings");
    assertThat(buildings)
        .filteredOn(b -> b.buildingId().equals("b1"))
        .extracting(Building::deviceCount)
        .contains(3);
    assertThat(buildings)
        .filteredOn(b -> b.buildingId().equals("b2"))
        .extracting(Building::deviceCount)
        .contains(2);
  }

  /** Emits the given records once, then ends: the job finishes when the source does. */
  @SuppressWarnings("deprecation")
  static final class ListSource implements SourceFunction<byte[]> {
    private final List<byte[]> records;

    ListSource(List<byte[]> records) {
      this.records = new ArrayList<>(records);
    }

    @Override
    public void run(SourceContext<byte[]> ctx) {
      for (byte[] record : records) {
        synchronized (ctx.getCheckpointLock()) {
          ctx.collect(record);
        }
      }
    }

    @Override
    public void cancel() {}
  }

  /** Collects into a static map, since the sink runs on a copy of this object. */
  static final class CollectingSink<T> implements Sink<T> {
    private static final Map<String, List<Object>> RESULTS = new ConcurrentHashMap<>();
    private final String name;

    CollectingSink(String name) {
      this.name = name;
      RESULTS.put(name, new CopyOnWriteArrayList<>());
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> results(String name) {
      return (List<T>) RESULTS.get(name);
    }

    @Override
    @Deprecated
    public SinkWriter<T> createWriter(InitContext context) {
      return new SinkWriter<>() {
        @Override
        public void write(T element, Context context) {
          RESULTS.get(name).add(element);
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {}
      };
    }
  }
}
