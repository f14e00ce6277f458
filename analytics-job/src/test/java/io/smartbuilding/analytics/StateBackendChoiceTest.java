package io.smartbuilding.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartbuilding.analytics.history.HistoryPipeline;
import io.smartbuilding.analytics.history.HistorySettings;
import io.smartbuilding.analytics.history.MetricBucket;
import io.smartbuilding.analytics.history.TelemetryWatermarks;
import io.smartbuilding.analytics.telemetry.TelemetryTypeInfo;
import io.smartbuilding.contracts.telemetry.Telemetry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code state.backend} on a MiniCluster: the keyed operators run on the chosen backend, and the
 * history windows (the largest keyed state of the job) give the same buckets on both.
 */
class StateBackendChoiceTest {

  private static final Map<String, List<Object>> SEEN = new ConcurrentHashMap<>();

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setConfiguration(AnalyticsJob.loopbackOnly(0))
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @Test
  void rocksDbCheckpointsIncrementallyAndTheHeapDoesNotSetIt() {
    assertThat(
            StateBackendChoice.ROCKSDB
                .applyTo(new Configuration())
                .get(org.apache.flink.configuration.CheckpointingOptions.INCREMENTAL_CHECKPOINTS))
        .isTrue();
    assertThat(
            StateBackendChoice.HASHMAP
                .applyTo(new Configuration())
                .contains(org.apache.flink.configuration.CheckpointingOptions.INCREMENTAL_CHECKPOINTS))
        .isFalse();
  }

  @ParameterizedTest
  @EnumSource(StateBackendChoice.class)
  void keyedStateRunsOnTheChosenBackend(StateBackendChoice choice) throws Exception {
    String run = choice.name();
    SEEN.put(run, new CopyOnWriteArrayList<>());
    JobConfig config =
        JobConfig.fromArgs("--state.backend", choice.name().toLowerCase(java.util.Locale.ROOT));
    Configuration flinkConfig = config.stateBackend().orElseThrow().applyTo(new Configuration());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flinkConfig);
    env.setParallelism(1);

    var telemetry =
        env.fromData(
                TelemetryTypeInfo.TELEMETRY,
                Readings.temperature(1, Readings.T0, 20.0),
                Readings.temperature(2, Readings.T0.plusSeconds(10), 30.0))
            .assignTimestampsAndWatermarks(TelemetryWatermarks.strategy(config.events()));
    telemetry
        .keyBy(Telemetry::deviceId, Types.STRING)
        .transform("backend-probe", Types.STRING, new BackendProbe(run));
    HistoryPipeline.addTo(telemetry, HistorySettings.defaults(), new Collecting(run));
    env.execute("state-backend-" + run);

    String expectedBackend = choice == StateBackendChoice.ROCKSDB ? "RocksDB" : "Heap";
    assertThat(SEEN.get(run))
        .filteredOn(String.class::isInstance)
        .allSatisfy(name -> assertThat((String) name).contains(expectedBackend))
        .isNotEmpty();
    assertThat(SEEN.get(run))
        .filteredOn(MetricBucket.class::isInstance)
        .map(MetricBucket.class::cast)
        .filteredOn(b -> b.seriesId().startsWith("device#") && b.metric().equals("temperatureC"))
        .extracting(MetricBucket::count, MetricBucket::avg)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, 25.0));
  }

  /** Reports the class of the keyed state backend its operator runs on. */
  private static final class BackendProbe extends AbstractStreamOperator<String>
      implements OneInputStreamOperator<Telemetry, String> {
    private final String run;

    BackendProbe(String run) {
      this.run = run;
    }

    @Override
    public void processElement(StreamRecord<Telemetry> element) {
      SEEN.get(run).add(getKeyedStateBackend().getClass().getSimpleName());
    }
  }

  private record Collecting(String run) implements Sink<MetricBucket> {
    @Override
    @Deprecated // the abstract method in Flink 1.20; WriterInitContext replaces it in 2.0
    public SinkWriter<MetricBucket> createWriter(InitContext context) {
      return new SinkWriter<>() {
        @Override
        public void write(MetricBucket element, Context context) {
          SEEN.get(run).add(element);
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {}
      };
    }
  }
}
