package io.smartbuilding.api.alert.stream;

import io.smartbuilding.api.access.BuildingAccess;
import io.smartbuilding.api.problem.Problem;
import io.smartbuilding.api.problem.ProblemResponses;
import io.smartbuilding.api.request.Identifier;
import io.smartbuilding.api.security.Caller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/buildings/{buildingId}/alerts/stream")
@Tag(name = "Alerts", description = "Maintenance alerts raised by analytics-job")
public class AlertStreamResource {

  private final AlertStreams streams;
  private final BuildingAccess access;
  private final Caller caller;
  private final JsonWebToken token;
  private final StreamConfig config;

  AlertStreamResource(
      AlertStreams streams,
      BuildingAccess access,
      Caller caller,
      JsonWebToken token,
      StreamConfig config) {
    this.streams = streams;
    this.access = access;
    this.caller = caller;
    this.token = token;
    this.config = config;
  }

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(
      summary = "Stream a building's alert changes (Server-Sent Events)",
      description =
          "Every change of the building's alerts, whoever made it (analytics-job or a person), as"
              + " an event named 'alert' whose data is the alert as GET /api/v1/alerts/{alertId}"
              + " returns it and whose id is its updatedAt. Changes arrive within about the poll"
              + " interval (1 s by default). A comment line is sent every 15 s. On reconnect send"
              + " Last-Event-ID to receive the changes since (up to 15 minutes back); a change"
              + " may then arrive twice: alertId and updatedAt identify it. The stream ends when"
              + " the token expires; reconnect with a fresh token and Last-Event-ID.")
  @APIResponse(
      responseCode = "200",
      description = "The event stream",
      content =
          @Content(
              mediaType = MediaType.SERVER_SENT_EVENTS,
              schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(
      responseCode = "400",
      ref = ProblemResponses.INVALID_PARAMETER,
      description = "buildingId is not a valid identifier")
  @APIResponse(
      responseCode = "404",
      ref = ProblemResponses.NOT_FOUND,
      description = "The building is not in the caller's token")
  @APIResponse(
      responseCode = "429",
      description =
          "The caller has the most streams one user may open (5 by default); close one first",
      headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "503",
      ref = ProblemResponses.DATA_STORE_UNAVAILABLE,
      description = "Too many streams are open; retry later")
  public void stream(
      @Parameter(
              description = "Building id: " + Identifier.RULE,
              example = "hq-berlin",
              schema = @Schema(type = SchemaType.STRING, pattern = Identifier.OPENAPI_PATTERN))
          @PathParam("buildingId")
          String buildingId,
      @Parameter(description = "The id of the last event received, to resume after it")
          @HeaderParam("Last-Event-ID")
          String lastEventId,
      @Context SseEventSink sink,
      @Context Sse sse) {
    Identifier.requireValid("buildingId", buildingId);
    access.requireReadable(buildingId, "no building '" + buildingId + "'");
    String subject = caller.subject();
    if (!streams.tryReserve()) {
      throw new TooManyStreamsException();
    }
    if (!streams.tryReserveFor(subject)) {
      streams.release();
      throw TooManyStreamsException.ofSubject(config.maxStreamsPerSubject());
    }
    try {
      streams.subscribe(
          buildingId,
          Optional.ofNullable(lastEventId),
          sink,
          sse,
          subject,
          Instant.ofEpochSecond(token.getExpirationTime()));
    } catch (RuntimeException e) {
      streams.release();
      streams.releaseFor(subject);
      throw e;
    }
  }
}
