package io.smartbuilding.analytics.archive;

import io.smartbuilding.contracts.telemetry.Telemetry;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;

/**
 * Hive-style partitions {@code dt=2026-11-26/building=b1}: the reading's own date (UTC, event
 * time, so a replay writes each reading to the same partition), then its building.
 */
public final class DateAndBuildingBuckets implements BucketAssigner<Telemetry, String> {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

  @Override
  public String getBucketId(Telemetry reading, Context context) {
    return "dt=" + DATE.format(reading.ts()) + "/building=" + reading.buildingId();
  }

  @Override
  public SimpleVersionedSerializer<String> getSerializer() {
    return SimpleVersionedStringSerializer.INSTANCE;
  }
}
