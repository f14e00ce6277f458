package io.smartbuilding.api.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smartbuilding.contracts.testing.LocalStandIns;
import io.smartbuilding.contracts.testing.LoopbackProcess;
import java.nio.file.Path;
import java.util.Map;

/** A real dynalite on a free loopback port for the lifetime of a Quarkus test application. */
public class DynaliteResource implements QuarkusTestResourceLifecycleManager {

  private LoopbackProcess dynalite;

  @Override
  public Map<String, String> start() {
    dynalite = LocalStandIns.dynamoDb(Path.of("target/it/dynalite"));
    return Map.of("quarkus.dynamodb.endpoint-override", LocalStandIns.endpoint(dynalite));
  }

  @Override
  public void stop() {
    if (dynalite != null) {
      dynalite.close();
    }
  }
}
