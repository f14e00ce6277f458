package io.smartbuilding.analytics.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartbuilding.analytics.AnalyticsJob;
import io.smartbuilding.analytics.telemetry.TelemetryTypeInfo;
import io.smartbuilding.contracts.telemetry.DeviceType;
import io.smartbuilding.contracts.telemetry.Telemetry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.FileUtils;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The archive on a MiniCluster with checkpoints: a rate-limited source spread over many
 * checkpoints, then every committed Parquet file read back with parquet's own reader.
 */
class ArchivePipelineIT {

  private static final Instant DAY1 = Instant.parse("2026-11-25T23:59:58Z");
  private static final int READINGS = 1_200;
  private static final AtomicInteger FAILURES = new AtomicInteger();

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setConfiguration(AnalyticsJob.loopbackOnly(0))
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @Test
  void everyReadingIsInExactlyOneCommittedParquetFileOfItsDateAndBuilding() throws Exception {
    Path dir = Path.of("target/it/archive").toAbsolutePath();
    run(dir, "none", -1);
    assertArchiveHoldsEveryReadingOnce(dir);
  }

  @Test
  void aFailureAndRestoreFromACheckpointStillLeavesEveryReadingExactlyOnce() throws Exception {
    Path dir = Path.of("target/it/archive-failure").toAbsolutePath();
    FAILURES.set(0);
    run(dir, "fixed-delay", READINGS / 2);
    assertThat(FAILURES.get()).as("the injected failure happened").isEqualTo(1);
    assertArchiveHoldsEveryReadingOnce(dir);
  }

  private static void run(Path dir, String restartStrategy, long failAt) throws Exception {
    FileUtils.deleteDirectory(dir.toFile());
    Configuration conf = new Configuration();
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, restartStrategy);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 1);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.enableCheckpointing(200);
    DataGeneratorSource<Telemetry> source =
        new DataGeneratorSource<>(
            ArchivePipelineIT::reading,
            READINGS,
            RateLimiterStrategy.perSecond(600),
            TelemetryTypeInfo.TELEMETRY);
    DataStream<Telemetry> readings =
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "readings")
            .map(new FailOnce(failAt))
            .returns(TelemetryTypeInfo.TELEMETRY);
    ArchivePipeline.addTo(readings, new ArchiveSettings(dir.toUri().toString()));
    env.execute("archive-it");
  }

  /** Throws once, at reading {@code failAt}, after files of earlier checkpoints were committed. */
  private static final class FailOnce implements MapFunction<Telemetry, Telemetry> {
    private final long failAt;

    FailOnce(long failAt) {
      this.failAt = failAt;
    }

    @Override
    public Telemetry map(Telemetry t) {
      if (t.seq() == failAt && FAILURES.compareAndSet(0, 1)) {
        throw new IllegalStateException("injected failure at reading " + failAt);
      }
      return t;
    }
  }

  private static void assertArchiveHoldsEveryReadingOnce(Path dir) throws IOException {
    List<Path> files = committedFiles(dir);
    // rolled on checkpoints: more files than the 4 partitions x 2 writers of a single roll
    assertThat(files.size()).isGreaterThan(8);
    assertThat(files)
        .extracting(f -> dir.relativize(f.getParent()).toString())
        .containsOnly(
            "dt=2026-11-25/building=b1",
            "dt=2026-11-25/building=b2",
            "dt=2026-11-26/building=b1",
            "dt=2026-11-26/building=b2");

    List<Row> rows = new ArrayList<>();
    for (Path file : files) {
      String partition = dir.relativize(file.getParent()).toString();
      for (Row row : read(file)) {
        assertThat(partition)
            .isEqualTo("dt=" + row.ts.toString().substring(0, 10) + "/building=" + row.buildingId);
        rows.add(row);
      }
    }
    Map<Long, Long> timesSeen =
        rows.stream().collect(Collectors.groupingBy(r -> r.seq, Collectors.counting()));
    assertThat(timesSeen).hasSize(READINGS);
    assertThat(timesSeen.values()).containsOnly(1L);
    Row first = rows.stream().filter(r -> r.seq == 7).findFirst().orElseThrow();
    Telemetry expected = reading(7L);
    assertThat(first.deviceId).isEqualTo(expected.deviceId());
    assertThat(first.ts).isEqualTo(expected.ts());
    assertThat(first.metrics).isEqualTo(expected.metrics());
  }

  static Telemetry reading(long i) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("temperatureC", 20.0 + i % 10);
    if (i % 3 == 0) {
      metrics.put("co2Ppm", 400.0 + i);
    }
    return new Telemetry(
        "d-" + (i % 7),
        i % 2 == 0 ? "b1" : "b2",
        1,
        "z1",
        DeviceType.ZONE_SENSOR,
        DAY1.plus(Duration.ofMillis(5 * i)), // crosses midnight UTC after 400 readings
        i,
        metrics);
  }

  private static List<Path> committedFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> all = walk.filter(Files::isRegularFile).toList();
      // in-progress and pending files are hidden (".part-..."): none may be left after the end
      assertThat(all).allSatisfy(f -> assertThat(f.getFileName().toString()).startsWith("part-"));
      return all;
    }
  }

  record Row(String deviceId, String buildingId, Instant ts, long seq, Map<String, Double> metrics) {}

  private static List<Row> read(Path file) {
    List<Row> rows = new ArrayList<>();
    try (ParquetFileReader reader = ParquetFileReader.open(
            new LocalInputFile(file),
            ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      assertThat(schema.getType("ts").getLogicalTypeAnnotation())
          .isEqualTo(
              LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS));
      PageReadStore pages;
      while ((pages = reader.readNextRowGroup()) != null) {
        RecordReader<Group> records =
            new ColumnIOFactory()
                .getColumnIO(schema)
                .getRecordReader(pages, new GroupRecordConverter(schema));
        for (long i = 0; i < pages.getRowCount(); i++) {
          Group g = records.read();
          Group map = g.getGroup("metrics", 0);
          Map<String, Double> metrics = new LinkedHashMap<>();
          for (int m = 0; m < map.getFieldRepetitionCount("key_value"); m++) {
            Group kv = map.getGroup("key_value", m);
            metrics.put(kv.getString("key", 0), kv.getDouble("value", 0));
          }
          rows.add(
              new Row(
                  g.getString("deviceId", 0),
                  g.getString("buildingId", 0),
                  Instant.ofEpochMilli(g.getLong("ts", 0)),
                  g.getLong("seq", 0),
                  metrics));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}
