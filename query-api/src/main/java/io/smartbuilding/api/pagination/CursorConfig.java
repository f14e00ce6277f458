package io.smartbuilding.api.pagination;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** {@code smartbuilding.cursor.*}: how page cursors are signed. */
@ConfigMapping(prefix = "smartbuilding.cursor")
public interface CursorConfig {

  /**
   * Base64 (standard or URL alphabet) of the HMAC-SHA256 key that signs cursors, at least 32 bytes.
   * Every replica behind one load balancer must share it, or a cursor issued by one replica is
   * refused by the next. Absent: a random key per process (fine for one local instance; cursors
   * then stop working after a restart).
   */
  Optional<String> key();
}
