package io.smartbuilding.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Turns every failure into application/problem+json. Clients never see a stack trace: unexpected
 * errors are logged here with theirs and answered with a generic 500.
 */
class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  /** Seconds a client should wait before retrying when DynamoDB is unavailable. */
  private static final String RETRY_AFTER_SECONDS = "5";

  @ServerExceptionMapper
  Response refused(ProblemException e) {
    return e.problem().toResponse();
  }

  /** A field of the body has the wrong type, or is not a field of the request. */
  @ServerExceptionMapper
  Response mistypedBody(MismatchedInputException e) {
    return JsonBodyProblems.of(e).toResponse();
  }

  /** The body is not JSON at all. */
  @ServerExceptionMapper
  Response unreadableBody(JsonProcessingException e) {
    return JsonBodyProblems.of(e).toResponse();
  }

  /** Unknown paths, wrong methods, unacceptable media types: keep the framework's status. */
  @ServerExceptionMapper
  Response framework(WebApplicationException e) {
    // The JSON reader may wrap what Jackson threw into a plain 400.
    if (e.getCause() instanceof JsonProcessingException json) {
      return JsonBodyProblems.of(json).toResponse();
    }
    Response.StatusType status = e.getResponse().getStatusInfo();
    if (status.getStatusCode() >= 500) {
      LOG.error("request failed", e);
    }
    return new Problem(
            Problem.TYPE_PREFIX + "http-" + status.getStatusCode(),
            status.getReasonPhrase(),
            status.getStatusCode(),
            e.getMessage(),
            null)
        .toResponse();
  }

  /** DynamoDB could not be reached: network, DNS, timeouts, credentials. */
  @ServerExceptionMapper
  Response unreachable(SdkClientException e) {
    LOG.warnf("DynamoDB unreachable: %s", e.getMessage());
    return unavailable("DynamoDB cannot be reached; try again later");
  }

  @ServerExceptionMapper
  Response dynamoDb(AwsServiceException e) {
    if (e instanceof ResourceNotFoundException) {
      LOG.errorf("DynamoDB table missing: %s", e.getMessage());
      return unavailable("the data store is not provisioned yet; try again later");
    }
    if (e.isThrottlingException() || e.statusCode() >= 500) {
      LOG.warnf("DynamoDB unavailable: %s", e.getMessage());
      return unavailable("DynamoDB is busy or unavailable; try again later");
    }
    return unexpected(e);
  }

  @ServerExceptionMapper
  Response unexpected(Throwable e) {
    LOG.error("request failed", e);
    return new Problem(
            Problem.TYPE_PREFIX + "internal",
            "Internal error",
            500,
            "the request failed; the server log has the details",
            null)
        .toResponse();
  }

  private static Response unavailable(String detail) {
    Problem problem =
        new Problem(
            Problem.TYPE_PREFIX + "data-store-unavailable",
            "Service unavailable",
            503,
            detail,
            null);
    return Response.status(503)
        .type(Problem.MEDIA_TYPE)
        .header("Retry-After", RETRY_AFTER_SECONDS)
        .entity(problem)
        .build();
  }
}
