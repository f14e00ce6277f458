package io.smartbuilding.api.alert.stream;

import io.smartbuilding.api.problem.Problem;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every stream slot is taken (503), or the caller's own (429): problem+json with Retry-After, so
 * apps back off.
 */
class TooManyStreamsException extends RuntimeException {

  private static final String RETRY_AFTER_SECONDS = "10";

  private final int status;
  private final String title;

  /** The shared cap: the service is full. */
  TooManyStreamsException() {
    this(503, "Service unavailable", "too many alert streams are open; try again later");
  }

  private TooManyStreamsException(int status, String title, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.title = title;
  }

  /** The caller's own cap: they must close a stream first. */
  static TooManyStreamsException ofSubject(int max) {
    return new TooManyStreamsException(
        429,
        "Too many requests",
        "you have " + max + " alert streams open, the most one user may; close one first");
  }

  static class Mapper {
    @ServerExceptionMapper
    Response refuse(TooManyStreamsException e) {
      return Response.fromResponse(
              Problem.of(e.status, "too-many-streams", e.title, e.getMessage()).toResponse())
          .header("Retry-After", RETRY_AFTER_SECONDS)
          .build();
    }
  }
}
