package io.smartbuilding.api.alert;

import io.smartbuilding.api.access.BuildingAccess;
import io.smartbuilding.api.alert.AlertAction.Kind;
import io.smartbuilding.api.problem.Problem;
import io.smartbuilding.api.problem.ProblemException;
import io.smartbuilding.api.problem.ProblemResponses;
import io.smartbuilding.api.security.Caller;
import io.smartbuilding.api.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One alert: read it with its audit trail, and act on it. Every action needs the version the caller
 * saw (the ETag as If-Match, or {@code version} in the body): acting on an alert someone else
 * changed meanwhile is a 409, not a lost update.
 */
@Path("/api/v1/alerts/{alertId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts", description = "Maintenance alerts raised by analytics-job")
public class AlertActionResource {

  /** OpenAPI components that {@code SecurityOpenApiFilter} defines beside the shared ones. */
  static final String CONFLICT = "Conflict";

  static final String PRECONDITION_REQUIRED = "PreconditionRequired";

  private final AlertActions actions;
  private final BuildingAccess access;
  private final Caller caller;
  private final AlertListCache firstPages;

  AlertActionResource(
      AlertActions actions, BuildingAccess access, Caller caller, AlertListCache firstPages) {
    this.actions = actions;
    this.access = access;
    this.caller = caller;
    this.firstPages = firstPages;
  }

  @GET
  @Operation(
      summary = "Get an alert with its audit trail",
      description =
          "The alert as stored now, with who acknowledged, assigned, annotated and resolved it."
              + " The ETag is \"<version>-<updatedAt epoch millis>\": it changes with every"
              + " change, the API's or analytics-job's. Send it back as If-Match to act on it.")
  @APIResponse(
      responseCode = "200",
      description = "The alert",
      headers =
          @Header(
              name = "ETag",
              description = "The alert's version and updatedAt millis, quoted: \"3-1740816930123\"",
              schema = @Schema(type = SchemaType.STRING)),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Alert.class)))
  @APIResponse(responseCode = "304", description = "If-None-Match named the current ETag")
  @APIResponse(
      responseCode = "400",
      ref = ProblemResponses.INVALID_PARAMETER,
      description = "alertId is malformed")
  @APIResponse(
      responseCode = "404",
      ref = ProblemResponses.NOT_FOUND,
      description = "No such alert in the caller's buildings")
  @APIResponse(responseCode = "503", ref = ProblemResponses.DATA_STORE_UNAVAILABLE)
  public Response get(
      @Parameter(
              description = "deviceId#ruleId#openedAtEpochMillis, with # sent as %23",
              example = "ahu-01%23OVERHEAT%231740816930123",
              schema = @Schema(type = SchemaType.STRING, pattern = AlertIds.OPENAPI_PATTERN))
          @PathParam("alertId")
          String alertId,
      @Parameter(description = "The ETag the client holds; 304 if still current")
          @HeaderParam(HttpHeaders.IF_NONE_MATCH)
          String ifNoneMatch) {
    Alert alert = readable(alertId);
    if (ifNoneMatch != null && ifNoneMatch.contains(alert.etag())) {
      return Response.notModified(new EntityTag(alert.etagValue())).build();
    }
    return withEtag(alert);
  }

  @POST
  @Path("/acknowledge")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.TECHNICIAN_NAME, Role.MANAGER_NAME})
  @Operation(
      summary = "Acknowledge an open alert",
      description =
          "Sets status acknowledged, acknowledgedBy (the token's subject) and acknowledgedAt, and"
              + " appends to the audit trail. Only an open alert can be acknowledged.")
  @RequestBody(
      required = false,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ActionRequests.Acknowledge.class)))
  @APIResponse(
      responseCode = "200",
      description = "The alert after the action; ETag is its new version",
      headers =
          @Header(
              name = "ETag",
              description = "The alert's new version, quoted",
              schema = @Schema(type = SchemaType.STRING)),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Alert.class)))
  @APIResponse(
      responseCode = "400",
      ref = ProblemResponses.INVALID_PARAMETER,
      description = "alertId, If-Match or a body field is invalid")
  @APIResponse(
      responseCode = "404",
      ref = ProblemResponses.NOT_FOUND,
      description = "No such alert in the caller's buildings")
  @APIResponse(
      responseCode = "409",
      ref = AlertActionResource.CONFLICT,
      description = "The alert changed since that version, or its status forbids the action")
  @APIResponse(responseCode = "428", ref = AlertActionResource.PRECONDITION_REQUIRED)
  @APIResponse(responseCode = "503", ref = ProblemResponses.DATA_STORE_UNAVAILABLE)
  public Response acknowledge(
      @PathParam("alertId") String alertId,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      ActionRequests.Acknowledge body) {
    Long bodyVersion = body == null ? null : body.version();
    return act(alertId, ifMatch, bodyVersion, Kind.ACKNOWLEDGE, null);
  }

  @POST
  @Path("/assign")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.TECHNICIAN_NAME, Role.MANAGER_NAME})
  @Operation(
      summary = "Assign an alert to a person",
      description = "Sets assignee; an open or acknowledged alert only.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ActionRequests.Assign.class)))
  @APIResponse(
      responseCode = "200",
      description = "The alert after the action; ETag is its new version",
      headers =
          @Header(
              name = "ETag",
              description = "The alert's new version, quoted",
              schema = @Schema(type = SchemaType.STRING)),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Alert.class)))
  @APIResponse(
      responseCode = "400",
      ref = ProblemResponses.INVALID_PARAMETER,
      description = "alertId, If-Match or a body field is invalid")
  @APIResponse(
      responseCode = "404",
      ref = ProblemResponses.NOT_FOUND,
      description = "No such alert in the caller's buildings")
  @APIResponse(
      responseCode = "409",
      ref = AlertActionResource.CONFLICT,
      description = "The alert changed since that version, or its status forbids the action")
  @APIResponse(responseCode = "428", ref = AlertActionResource.PRECONDITION_REQUIRED)
  @APIResponse(responseCode = "503", ref = ProblemResponses.DATA_STORE_UNAVAILABLE)
  public Response assign(
      @PathParam("alertId") String alertId,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      ActionRequests.Assign body) {
    ActionRequests.Assign request = requireBody(body);
    String assignee =
        ActionRequests.required("assignee", request.assignee(), ActionRequests.MAX_ASSIGNEE);
    return act(alertId, ifMatch, request.version(), Kind.ASSIGN, assignee);
  }

  @POST
  @Path("/notes")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.TECHNICIAN_NAME, Role.MANAGER_NAME})
  @Operation(
      summary = "Add a note to an alert",
      description = "Appends the note to the audit trail; any status.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ActionRequests.Note.class)))
  @APIResponse(
      responseCode = "200",
      description = "The alert after the action; ETag is its new version",
      headers =
          @Header(
              name = "ETag",
              description = "The alert's new version, quoted",
              schema = @Schema(type = SchemaType.STRING)),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Alert.class)))
  @APIResponse(
      responseCode = "400",
      ref = ProblemResponses.INVALID_PARAMETER,
      description = "alertId, If-Match or a body field is invalid")
  @APIResponse(
      responseCode = "404",
      ref = ProblemResponses.NOT_FOUND,
      description = "No such alert in the caller's buildings")
  @APIResponse(
      responseCode = "409",
      ref = AlertActionResource.CONFLICT,
      description = "The alert changed since that version, or its status forbids the action")
  @APIResponse(responseCode = "428", ref = AlertActionResource.PRECONDITION_REQUIRED)
  @APIResponse(responseCode = "503", ref = ProblemResponses.DATA_STORE_UNAVAILABLE)
  public Response note(
      @PathParam("alertId") String alertId,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      ActionRequests.Note body) {
    ActionRequests.Note request = requireBody(body);
    String text = ActionRequests.required("text", request.text(), ActionRequests.MAX_TEXT);
    return act(alertId, ifMatch, request.version(), Kind.NOTE, text);
  }

  @POST
  @Path("/resolve")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.TECHNICIAN_NAME, Role.MANAGER_NAME})
  @Operation(
      summary = "Resolve an alert by hand",
      description =
          "Sets status resolved and resolvedBy, with an optional note in the audit trail; an open"
              + " or acknowledged alert only. resolvedAt stays analytics-job's: the time the"
              + " condition ended.")
  @RequestBody(
      required = false,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ActionRequests.Resolve.class)))
  @APIResponse(
      responseCode = "200",
      description = "The alert after the action; ETag is its new version",
      headers =
          @Header(
              name = "ETag",
              description = "The alert's new version, quoted",
              schema = @Schema(type = SchemaType.STRING)),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Alert.class)))
  @APIResponse(
      responseCode = "400",
      ref = ProblemResponses.INVALID_PARAMETER,
      description = "alertId, If-Match or a body field is invalid")
  @APIResponse(
      responseCode = "404",
      ref = ProblemResponses.NOT_FOUND,
      description = "No such alert in the caller's buildings")
  @APIResponse(
      responseCode = "409",
      ref = AlertActionResource.CONFLICT,
      description = "The alert changed since that version, or its status forbids the action")
  @APIResponse(responseCode = "428", ref = AlertActionResource.PRECONDITION_REQUIRED)
  @APIResponse(responseCode = "503", ref = ProblemResponses.DATA_STORE_UNAVAILABLE)
  public Response resolve(
      @PathParam("alertId") String alertId,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      ActionRequests.Resolve body) {
    String note =
        body == null ? null : ActionRequests.optional("note", body.note(), ActionRequests.MAX_TEXT);
    return act(alertId, ifMatch, body == null ? null : body.version(), Kind.RESOLVE, note);
  }

  private Response act(String alertId, String ifMatch, Long bodyVersion, Kind kind, String detail) {
    Alert current = readable(alertId);
    long expected = ExpectedVersion.of(ifMatch, bodyVersion);
    try {
      return withEtag(actions.apply(current, expected, kind, caller.subject(), detail));
    } finally {
      // After the write, success or conflict (a 409 means the cached list is stale too): the
      // building's next list in this replica reads DynamoDB again.
      firstPages.invalidate(current.buildingId());
    }
  }

  /** The alert, or 404 when it does not exist or lies outside the caller's buildings. */
  private Alert readable(String alertId) {
    AlertIds.requireValid(alertId);
    String unknown = "no alert '" + alertId + "'";
    Alert alert = actions.find(alertId).orElseThrow(() -> ProblemException.notFound(unknown));
    access.requireReadable(alert.buildingId(), unknown);
    return alert;
  }

  private static <T> T requireBody(T body) {
    if (body == null) {
      throw ProblemException.of(
          Problem.of(400, "invalid-body", "Invalid body", "a JSON body is required"));
    }
    return body;
  }

  private static Response withEtag(Alert alert) {
    return Response.ok(alert).tag(new EntityTag(alert.etagValue())).build();
  }
}
