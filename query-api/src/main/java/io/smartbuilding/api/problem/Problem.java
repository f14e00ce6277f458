package io.smartbuilding.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An error body as RFC 9457 (problem details) describes it, sent as application/problem+json. */
@Schema(name = "Problem", description = "RFC 9457 problem details")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    @Schema(
            description = "Identifies the kind of problem",
            example = "urn:smartbuilding:problem:invalid-parameter")
        String type,
    @Schema(description = "Short summary of the kind of problem", example = "Invalid parameter")
        String title,
    @Schema(description = "HTTP status code", example = "400") int status,
    @Schema(
            description = "What went wrong with this request",
            example = "'status' must be one of open, acknowledged, resolved (got 'closed')")
        String detail,
    @Schema(
            description = "The request parameter at fault, for invalid-parameter problems",
            example = "status")
        String parameter) {

  public static final String MEDIA_TYPE = "application/problem+json";
  static final String TYPE_PREFIX = "urn:smartbuilding:problem:";

  /** A problem of kind {@code urn:smartbuilding:problem:<kind>} without a parameter. */
  public static Problem of(int status, String kind, String title, String detail) {
    return new Problem(TYPE_PREFIX + kind, title, status, detail, null);
  }

  public Response toResponse() {
    return Response.status(status).type(MEDIA_TYPE).entity(this).build();
  }
}
