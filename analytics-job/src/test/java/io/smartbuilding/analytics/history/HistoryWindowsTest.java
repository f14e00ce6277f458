package io.smartbuilding.analytics.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.smartbuilding.contracts.tables.MetricHistoryTable;
import io.smartbuilding.contracts.telemetry.DeviceType;
import io.smartbuilding.contracts.telemetry.Telemetry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

/**
 * The real windowed operator of each scope (taken from the pipeline's transformation) in a harness:
 * readings and watermarks in, buckets and late readings out.
 */
class HistoryWindowsTest {

  private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
  private static final HistorySettings SETTINGS =
      new HistorySettings(Duration.ofSeconds(60), Duration.ofDays(7), Duration.ofDays(90));

  @Test
  void deviceBucketsHoldMinMaxAvgSumCountPerMetricAndExpireAfterTheRetention() throws Exception {
    try (var harness = harness(HistoryScope.DEVICE)) {
      harness.processElement(record(reading("b1-f3-ahu-01", "f3-west", 10, 20.0, 40.0)));
      harness.processElement(record(reading("b1-f3-ahu-01", "f3-west", 20, 24.0, 50.0)));
      harness.processElement(record(reading("b1-f3-ahu-01", "f3-west", 59, 22.0, 60.0)));
      harness.processElement(record(reading("b1-f3-ahu-01", "f3-west", 61, 99.0, 99.0)));
      assertThat(buckets(harness.getOutput())).isEmpty();

      harness.processWatermark(new Watermark(T0.plusSeconds(60).toEpochMilli() - 1));

      long expiresAt = T0.plusSeconds(60).plus(Duration.ofDays(7)).getEpochSecond();
      assertThat(buckets(harness.getOutput()))
          .extracting(
              MetricBucket::seriesId,
              MetricBucket::bucketStartMillis,
              MetricBucket::buildingId,
              MetricBucket::min,
              MetricBucket::max,
              MetricBucket::sum,
              MetricBucket::count,
              MetricBucket::avg,
              MetricBucket::expiresAtEpochSeconds)
          .containsExactlyInAnyOrder(
              tuple(
                  MetricHistoryTable.deviceSeries("b1-f3-ahu-01", "temperatureC"),
                  T0.toEpochMilli(),
                  "b1",
                  20.0,
                  24.0,
                  66.0,
                  3L,
                  22.0,
                  expiresAt),
              tuple(
                  MetricHistoryTable.deviceSeries("b1-f3-ahu-01", "fanSpeedPct"),
                  T0.toEpochMilli(),
                  "b1",
                  40.0,
                  60.0,
                  150.0,
                  3L,
                  50.0,
                  expiresAt));
    }
  }

  @Test
  void aLateReadingWithinTheAllowedLatenessRefiresWithTheNewTotalsAndLaterOnesGoToTheSideOutput()
      throws Exception {
    try (var harness = harness(HistoryScope.DEVICE)) {
      harness.processElement(record(reading("d1", "z1", 10, 20.0, 40.0)));
      harness.processWatermark(new Watermark(T0.plusSeconds(70).toEpochMilli()));
      assertThat(buckets(harness.getOutput())).extracting(MetricBucket::count).containsOnly(1L);
      harness.getOutput().clear();

      // 08:00:30 arrives when the watermark is at 08:01:10: late, but within 60 s of lateness
      harness.processElement(record(reading("d1", "z1", 30, 30.0, 40.0)));
      assertThat(buckets(harness.getOutput()))
          .filteredOn(b -> b.metric().equals("temperatureC"))
          .extracting(MetricBucket::bucketStartMillis, MetricBucket::count, MetricBucket::max)
          .containsExactly(tuple(T0.toEpochMilli(), 2L, 30.0));
      harness.getOutput().clear();

      // past window end + allowed lateness: state is gone, the reading goes to the side output
      harness.processWatermark(new Watermark(T0.plusSeconds(121).toEpochMilli()));
      harness.processElement(record(reading("d1", "z1", 40, 35.0, 40.0)));
      assertThat(buckets(harness.getOutput())).isEmpty();
      assertThat(harness.getSideOutput(HistoryPipeline.lateTag(HistoryScope.DEVICE)))
          .extracting(r -> r.getValue().ts())
          .containsExactly(T0.plusSeconds(40));
      assertThat(harness.numKeyedStateEntries()).isZero();
    }
  }

  @Test
  void zoneFloorAndBuildingBucketsAreFiveMinutesAndMergeTheirDevices() throws Exception {
    List<Telemetry> readings =
        List.of(
            reading("d1", "f3-west", 10, 20.0, 40.0),
            reading("d2", "f3-west", 200, 30.0, 60.0),
            reading("d3", "f3-east", 290, 40.0, 80.0));
    Map<HistoryScope, Map<String, Long>> expectedCounts =
        Map.of(
            HistoryScope.ZONE,
            Map.of(
                MetricHistoryTable.zoneSeries("b1", 3, "f3-west", "temperatureC"), 2L,
                MetricHistoryTable.zoneSeries("b1", 3, "f3-east", "temperatureC"), 1L),
            HistoryScope.FLOOR,
            Map.of(MetricHistoryTable.floorSeries("b1", 3, "temperatureC"), 3L),
            HistoryScope.BUILDING,
            Map.of(MetricHistoryTable.buildingSeries("b1", "temperatureC"), 3L));
    for (var expected : expectedCounts.entrySet()) {
      try (var harness = harness(expected.getKey())) {
        for (Telemetry t : readings) {
          harness.processElement(record(t));
        }
        harness.processWatermark(new Watermark(T0.plusSeconds(300).toEpochMilli() - 1));
        List<MetricBucket> out = buckets(harness.getOutput());
        assertThat(out).extracting(MetricBucket::bucketStartMillis).containsOnly(T0.toEpochMilli());
        assertThat(out)
            .extracting(MetricBucket::expiresAtEpochSeconds)
            .containsOnly(T0.plusSeconds(300).plus(Duration.ofDays(90)).getEpochSecond());
        assertThat(
                out.stream()
                    .filter(b -> b.metric().equals("temperatureC"))
                    .collect(Collectors.toMap(MetricBucket::seriesId, MetricBucket::count)))
            .as(expected.getKey().name())
            .isEqualTo(expected.getValue());
      }
    }
  }

  @Test
  void nonFiniteValuesAreLeftOutOfTheStats() {
    SeriesAggregate aggregate = new SeriesAggregate();
    SeriesAccumulator acc = aggregate.createAccumulator();
    aggregate.add(of(reading("d1", "z1", 1, 20.0, Double.NaN)), acc);
    aggregate.add(of(reading("d1", "z1", 2, Double.POSITIVE_INFINITY, 10.0)), acc);
    assertThat(acc.metrics.get("temperatureC").count).isEqualTo(1);
    assertThat(acc.metrics.get("fanSpeedPct").count).isEqualTo(1);
  }

  @Test
  void metricNamesOutsideTheContractsListAreAggregatedUnderTheirOwnName() {
    java.util.LinkedHashMap<String, Double> metrics = new java.util.LinkedHashMap<>();
    metrics.put("customFlowLpm", 12.0);
    metrics.put("temperatureC", 21.0);
    metrics.put("otherGauge", 3.0);
    HistoryReading reading =
        HistoryReading.of(
            new Telemetry("d1", "b1", 3, "z1", DeviceType.ZONE_SENSOR, T0, 1, metrics));
    assertThat(reading.metrics()).containsExactly("customFlowLpm", "temperatureC", "otherGauge");
    SeriesAccumulator acc = new SeriesAggregate().add(reading, new SeriesAccumulator());
    assertThat(acc.metrics.keySet())
        .containsExactlyInAnyOrder("customFlowLpm", "temperatureC", "otherGauge");
    assertThat(acc.metrics.get("otherGauge").sum).isEqualTo(3.0);
  }

  @Test
  void mergingAccumulatorsAddsTheirStats() {
    SeriesAggregate aggregate = new SeriesAggregate();
    SeriesAccumulator a =
        aggregate.add(of(reading("d1", "z1", 1, 20.0, 1.0)), new SeriesAccumulator());
    SeriesAccumulator b =
        aggregate.add(of(reading("d1", "z1", 2, 10.0, 3.0)), new SeriesAccumulator());
    MetricStats merged = aggregate.merge(a, b).metrics.get("temperatureC");
    assertThat(merged.min).isEqualTo(10.0);
    assertThat(merged.max).isEqualTo(20.0);
    assertThat(merged.sum).isEqualTo(30.0);
    assertThat(merged.count).isEqualTo(2);
  }

  @Test
  void theEventTimeLagIsNowMinusTheNewestReading() {
    EventTimeLag lag = new EventTimeLag();
    assertThat(lag.lag(T0.toEpochMilli())).isNull();
    lag.map(reading("d1", "z1", 10, 20.0, 1.0));
    lag.map(reading("d1", "z1", 5, 20.0, 1.0));
    assertThat(lag.lag(T0.plusSeconds(12).toEpochMilli())).isEqualTo(2_000L);
  }

  @Test
  void windowStateAndBucketsAreSerializedWithoutKryo() throws Exception {
    SerializerConfigImpl noKryo = new SerializerConfigImpl();
    noKryo.setGenericTypes(false); // createSerializer fails if any field would need Kryo
    SeriesAggregate aggregate = new SeriesAggregate();
    SeriesAccumulator acc =
        aggregate.add(of(reading("d1", "z1", 1, 20.0, 1.0)), new SeriesAccumulator());
    SeriesAccumulator copy =
        InstantiationUtil.deserializeFromByteArray(
            SeriesAccumulator.TYPE.createSerializer(noKryo),
            InstantiationUtil.serializeToByteArray(
                SeriesAccumulator.TYPE.createSerializer(noKryo), acc));
    assertThat(copy.metrics.get("temperatureC").sum).isEqualTo(20.0);
    assertThat(copy.deviceId).isEqualTo("d1");

    HistoryReading reading =
        InstantiationUtil.deserializeFromByteArray(
            HistoryReading.TYPE.createSerializer(noKryo),
            InstantiationUtil.serializeToByteArray(
                HistoryReading.TYPE.createSerializer(noKryo),
                of(reading("d1", "f3-west", 7, 21.5, 40.0))));
    assertThat(reading.deviceId()).isEqualTo("d1");
    assertThat(reading.zone()).isEqualTo("f3-west");
    assertThat(reading.ts()).isEqualTo(T0.plusSeconds(7));
    assertThat(reading.metrics()).containsExactly("temperatureC", "fanSpeedPct");
    assertThat(reading.values()).containsExactly(21.5, 40.0);
    assertThat(reading.withoutDevice().deviceId()).isNull();

    MetricBucket bucket = new MetricBucket("s", 1L, "b1", "m", 1.0, 2.0, 3.0, 2L, 9L);
    assertThat(
            InstantiationUtil.deserializeFromByteArray(
                MetricBucket.TYPE.createSerializer(noKryo),
                InstantiationUtil.serializeToByteArray(
                    MetricBucket.TYPE.createSerializer(noKryo), bucket)))
        .isEqualTo(bucket);
  }

  @SuppressWarnings("unchecked")
  private static KeyedOneInputStreamOperatorTestHarness<String, HistoryReading, MetricBucket>
      harness(HistoryScope scope) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    SingleOutputStreamOperator<MetricBucket> windows =
        HistoryPipeline.windows(
            env.fromData(HistoryReading.TYPE, of(reading("x", "z", 0, 0.0, 0.0))),
            scope,
            SETTINGS);
    var transformation =
        (OneInputTransformation<HistoryReading, MetricBucket>) windows.getTransformation();
    var harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            (OneInputStreamOperator<HistoryReading, MetricBucket>) transformation.getOperator(),
            (KeySelector<HistoryReading, String>) transformation.getStateKeySelector(),
            org.apache.flink.api.common.typeinfo.Types.STRING);
    harness.open();
    return harness;
  }

  @SuppressWarnings("unchecked")
  private static List<MetricBucket> buckets(ConcurrentLinkedQueue<Object> output) {
    return output.stream()
        .filter(o -> o instanceof StreamRecord)
        .map(o -> ((StreamRecord<MetricBucket>) o).getValue())
        .toList();
  }

  private static StreamRecord<HistoryReading> record(Telemetry t) {
    return new StreamRecord<>(of(t), t.ts().toEpochMilli());
  }

  private static HistoryReading of(Telemetry t) {
    return HistoryReading.of(t);
  }

  static Telemetry reading(String device, String zone, int second, double celsius, double fan) {
    java.util.LinkedHashMap<String, Double> metrics = new java.util.LinkedHashMap<>();
    metrics.put("temperatureC", celsius);
    metrics.put("fanSpeedPct", fan);
    return new Telemetry(
        device, "b1", 3, zone, DeviceType.AIR_HANDLER, T0.plusSeconds(second), second, metrics);
  }
}
