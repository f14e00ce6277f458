package io.smartbuilding.analytics.archive;

import java.io.Serializable;

/**
 * The raw-telemetry archive.
 *
 * @param path base directory of the archive as a Flink file system URI: {@code file:///...}
 *     locally, {@code s3://bucket/prefix} in AWS (needs the flink-s3-fs plugin on the cluster)
 */
public record ArchiveSettings(String path) implements Serializable {

  public ArchiveSettings {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("archive path must not be blank");
    }
  }
}
