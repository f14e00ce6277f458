package io.smartbuilding.api.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smartbuilding.api.security.LocalIssuer;
import io.smartbuilding.api.security.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The local stack's issuer for a packaged-jar test: a key pair under target/ the way {@code
 * ./platform up} creates one in its state directory, and the jar pointed at its public half.
 */
public class LocalIssuerKeys implements QuarkusTestResourceLifecycleManager {

  static final Path DIR = Path.of("target/it/local-jwt");

  @Override
  public Map<String, String> start() {
    LocalIssuer.createKeysIfMissing(DIR);
    return Map.of(
        "mp.jwt.verify.publickey.location",
        "file:" + DIR.resolve(LocalIssuer.PUBLIC_KEY).toAbsolutePath());
  }

  @Override
  public void stop() {}

  /** A header value as {@code ./platform token --role ROLE --building ...} would print it. */
  public static String bearer(Role role, String... buildingIds) {
    return "Bearer "
        + LocalIssuer.fromKeys(DIR, LocalIssuer.ISSUER)
            .token("local-dev", role, List.of(buildingIds), Duration.ofMinutes(10));
  }
}
