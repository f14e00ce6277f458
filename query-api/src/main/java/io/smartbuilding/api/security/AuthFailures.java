package io.smartbuilding.api.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts refused requests by reason, as {@code smartbuilding_api_auth_failures_total{reason=...}}:
 * a rise of {@code invalid} or {@code expired} after a Cognito change, or of {@code out_of_scope},
 * is what an operator wants to see before users call.
 */
@ApplicationScoped
public class AuthFailures {

  /** Why a request was refused. */
  public enum Reason {
    /** No bearer token. */
    MISSING,
    /** Signature, issuer or format wrong. */
    INVALID,
    EXPIRED,
    /** Valid token, role too weak. */
    FORBIDDEN,
    /** Valid token, building not in it (answered 404). */
    OUT_OF_SCOPE
  }

  private final MeterRegistry registry;

  AuthFailures(MeterRegistry registry) {
    this.registry = registry;
  }

  public void count(Reason reason) {
    Counter.builder("smartbuilding.api.auth.failures")
        .description("Requests refused by authentication or authorization")
        .tag("reason", reason.name().toLowerCase(java.util.Locale.ROOT))
        .register(registry)
        .increment();
  }
}
