package io.smartbuilding.analytics.archive;

import io.smartbuilding.contracts.telemetry.Telemetry;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;

/**
 * The data lake archive (what Kinesis Data Firehose does in the AWS stack): every decoded reading
 * as a row of a Parquet file under {@code <path>/dt=YYYY-MM-DD/building=<id>/part-*.parquet}.
 *
 * <p>Files roll on every checkpoint and are committed (renamed from a hidden in-progress file)
 * only when that checkpoint completes, so after a failure and restore each reading is in exactly
 * one committed file. Without checkpointing nothing is ever committed.
 */
public final class ArchivePipeline {

  private ArchivePipeline() {}

  public static void addTo(DataStream<Telemetry> telemetry, ArchiveSettings settings) {
    telemetry.sinkTo(sink(settings)).name("archive-sink").uid("archive-sink");
  }

  static FileSink<Telemetry> sink(ArchiveSettings settings) {
    return FileSink.forBulkFormat(new Path(settings.path()), new ParquetTelemetryWriter())
        .withBucketAssigner(new DateAndBuildingBuckets())
        .withRollingPolicy(OnCheckpointRollingPolicy.build())
        .withOutputFileConfig(
            OutputFileConfig.builder().withPartPrefix("part").withPartSuffix(".parquet").build())
        .build();
  }
}
