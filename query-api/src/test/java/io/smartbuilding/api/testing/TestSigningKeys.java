package io.smartbuilding.api.testing;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Creates the test key pair when a {@code @QuarkusTest} application starts, so that the public key
 * the %test profile names exists before the first request, whichever test sends it.
 */
@Singleton
class TestSigningKeys {

  void onStart(@Observes StartupEvent start) {
    TestTokens.ensureKeys();
  }
}
