package io.smartbuilding.api.alert;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The first-page cache of building alert lists, under {@code smartbuilding.alert-list-cache}. */
@ConfigMapping(prefix = "smartbuilding.alert-list-cache")
public interface AlertListCacheConfig {

  /** Off: every list request queries DynamoDB. */
  @WithDefault("true")
  boolean enabled();

  /**
   * How long a first page is served after it was read: the most a list can lag behind DynamoDB
   * (apps see changes sooner through the SSE stream, and this replica's own actions at once).
   */
  @WithDefault("1S")
  Duration ttl();

  /**
   * Pages held at most. A page of 50 alerts is some 100 KB of heap; beyond this, requests read
   * DynamoDB uncached rather than grow the heap.
   */
  @WithDefault("256")
  int maxEntries();
}
