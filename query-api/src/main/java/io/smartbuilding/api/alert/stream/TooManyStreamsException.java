package io.smartbuilding.api.alert.stream;

import io.smartbuilding.api.problem.Problem;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every stream slot is taken: 503 problem+json with Retry-After, so apps back off. */
class TooManyStreamsException extends RuntimeException {

  private static final String RETRY_AFTER_SECONDS = "10";

  TooManyStreamsException() {
    super("too many alert streams are open", null, false, false);
  }

  static class Mapper {
    @ServerExceptionMapper
    Response refuse(TooManyStreamsException e) {
      return Response.fromResponse(
              Problem.of(
                      503,
                      "too-many-streams",
                      "Service unavailable",
                      "too many alert streams are open; try again later")
                  .toResponse())
          .header("Retry-After", RETRY_AFTER_SECONDS)
          .build();
    }
  }
}
