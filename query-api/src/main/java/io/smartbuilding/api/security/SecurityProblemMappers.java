package io.smartbuilding.api.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smartbuilding.api.problem.Problem;
import io.smartbuilding.api.security.AuthFailures.Reason;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * Answers authentication and authorization failures as problem+json: 401 with a Bearer challenge
 * (RFC 6750) for a missing, expired or invalid token, 403 for a role too weak. The detail never
 * says more than the caller already knows.
 */
class SecurityProblemMappers {

  private final AuthFailures failures;

  SecurityProblemMappers(AuthFailures failures) {
    this.failures = failures;
  }

  @ServerExceptionMapper
  Response unauthenticated(UnauthorizedException e) {
    failures.count(Reason.MISSING);
    return challenge("Bearer", "a bearer token is required: send 'Authorization: Bearer <token>'");
  }

  @ServerExceptionMapper
  Response authenticationFailed(AuthenticationFailedException e) {
    if (expired(e)) {
      failures.count(Reason.EXPIRED);
      return challenge(
          "Bearer error=\"invalid_token\", error_description=\"expired\"",
          "the bearer token has expired; get a new one");
    }
    failures.count(Reason.INVALID);
    return challenge(
        "Bearer error=\"invalid_token\"",
        "the bearer token is not valid (signature, issuer or format)");
  }

  @ServerExceptionMapper
  Response forbidden(ForbiddenException e) {
    failures.count(Reason.FORBIDDEN);
    return Problem.of(403, "forbidden", "Forbidden", "your role does not allow this request")
        .toResponse();
  }

  private static Response challenge(String wwwAuthenticate, String detail) {
    return Response.fromResponse(
            Problem.of(401, "unauthorized", "Unauthorized", detail).toResponse())
        .header(HttpHeaders.WWW_AUTHENTICATE, wwwAuthenticate)
        .build();
  }

  private static boolean expired(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidJwtException invalid && invalid.hasExpired()) {
        return true;
      }
    }
    return false;
  }
}
