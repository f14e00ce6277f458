package io.smartbuilding.api.alert;

import io.smartbuilding.api.access.BuildingAccess;
import io.smartbuilding.api.pagination.Cursor;
import io.smartbuilding.api.pagination.CursorCodec;
import io.smartbuilding.api.pagination.Page;
import io.smartbuilding.api.pagination.PageLimit;
import io.smartbuilding.api.problem.ProblemResponses;
import io.smartbuilding.api.request.Identifier;
import io.smartbuilding.api.security.BuildingScope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts", description = "Maintenance alerts raised by analytics-job")
public class AlertResource {

  private final AlertRepository alerts;
  private final BuildingAccess access;
  private final CursorCodec cursors;
  private final AlertListCache firstPages;

  AlertResource(
      AlertRepository alerts,
      BuildingAccess access,
      CursorCodec cursors,
      AlertListCache firstPages) {
    this.alerts = alerts;
    this.access = access;
    this.cursors = cursors;
    this.firstPages = firstPages;
  }

  @GET
  @Operation(
      operationId = "listAlerts",
      summary = "List alerts, newest first",
      description =
          "One page of alerts sorted by openedAt, newest first; pass nextCursor back as cursor"
              + " (with the same filters) for the next page. Every filter is optional and they"
              + " combine. With buildingId (or deviceId, whose building is looked up) the"
              + " building's alerts are read; without, the alerts of each wanted status across the"
              + " caller's buildings are merged.")
  @APIResponse(
      responseCode = "200",
      description = "A page of alerts, newest first",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AlertPage.class),
              examples =
                  @ExampleObject(
                      name = "open alerts of a building",
                      value =
                          "{\"items\":[{\"alertId\":\"ahu-01#OVERHEAT#1740816930123\","
                              + "\"deviceId\":\"ahu-01\","
                              + "\"buildingId\":\"hq-berlin\",\"floor\":3,\"zone\":\"north\","
                              + "\"deviceType\":\"AIR_HANDLER\",\"type\":\"OVERHEAT\","
                              + "\"severity\":\"CRITICAL\",\"status\":\"open\","
                              + "\"message\":\"temperatureC 31.2 above limit 28.0\","
                              + "\"openedAt\":\"2025-03-01T08:15:30.123Z\","
                              + "\"lastSeenAt\":\"2025-03-01T08:20:30.123Z\",\"resolvedAt\":null,"
                              + "\"peakValue\":31.2,\"limit\":28.0,"
                              + "\"updatedAt\":\"2025-03-01T08:20:31.004Z\"}],"
                              + "\"nextCursor\":\"eyJxIjoiVjN4c1RyT2p...In19.q1Xb...\"}")))
  @APIResponse(
      responseCode = "400",
      ref = ProblemResponses.INVALID_PARAMETER,
      description = "A filter, limit or cursor is invalid; the problem names it")
  @APIResponse(
      responseCode = "404",
      ref = ProblemResponses.NOT_FOUND,
      description = "buildingId names a building outside the caller's token")
  @APIResponse(responseCode = "503", ref = ProblemResponses.DATA_STORE_UNAVAILABLE)
  public Page<Alert> list(
      @Parameter(
              description = "Only this building's alerts",
              example = "hq-berlin",
              schema = @Schema(type = SchemaType.STRING, pattern = Identifier.OPENAPI_PATTERN))
          @QueryParam("buildingId")
          String buildingId,
      @Parameter(
              description = "Only this device's alerts",
              example = "ahu-01",
              schema = @Schema(type = SchemaType.STRING, pattern = Identifier.OPENAPI_PATTERN))
          @QueryParam("deviceId")
          String deviceId,
      @Parameter(
              description = "Only alerts with one of these statuses, comma separated: open,"
                  + " acknowledged, resolved",
              example = "open,acknowledged",
              schema = @Schema(type = SchemaType.STRING))
          @QueryParam("status")
          String status,
      @Parameter(
              description = "Only alerts of these severities, comma separated: INFO, WARNING,"
                  + " CRITICAL",
              example = "CRITICAL",
              schema = @Schema(type = SchemaType.STRING))
          @QueryParam("severity")
          String severity,
      @Parameter(
              description =
                  "Only alerts of these types, comma separated: OVERHEAT, OFFLINE, THRESHOLD,"
                      + " RATE_OF_CHANGE, STUCK_SENSOR, BATTERY_LOW, ANOMALY, PREDICTED_WEAR",
              example = "OVERHEAT,OFFLINE",
              schema = @Schema(type = SchemaType.STRING))
          @QueryParam("type")
          String type,
      @Parameter(
              description = "Only alerts opened at or after this time (ISO-8601 with offset)",
              example = "2025-03-01T00:00:00Z",
              schema = @Schema(type = SchemaType.STRING, format = "date-time"))
          @QueryParam("from")
          String from,
      @Parameter(
              description = "Only alerts opened before this time (ISO-8601 with offset)",
              example = "2025-03-02T00:00:00Z",
              schema = @Schema(type = SchemaType.STRING, format = "date-time"))
          @QueryParam("to")
          String to,
      // A String, not an int: JAX-RS answers an unparseable int query parameter with 404.
      @Parameter(
              description = "Most alerts on this page",
              example = "50",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      minimum = "1",
                      maximum = "" + PageLimit.MAX,
                      defaultValue = "" + PageLimit.DEFAULT))
          @QueryParam("limit")
          String limit,
      @Parameter(
              description = "nextCursor of the previous page; absent for the first page",
              schema = @Schema(type = SchemaType.STRING))
          @QueryParam("cursor")
          String cursor) {
    AlertFilter filter =
        AlertFilter.parse(buildingId, deviceId, status, severity, type, from, to, limit);
    Cursor start = cursors.decode(cursor, filter.fingerprint());
    // A building outside the caller's scope: 404, worded as for the path resources.
    filter
        .buildingId()
        .ifPresent(b -> access.requireReadable(b, "no building '" + b + "'"));
    BuildingScope scope = access.scope();
    Supplier<Page<Alert>> read =
        () -> cursors.page(alerts.newestFirst(filter, start, scope), filter.fingerprint());
    // The first page of one building (access checked above) is the same for every caller who may
    // see the building: the screen phones refresh most, served from a short-lived cache.
    if (filter.buildingId().isPresent() && start == Cursor.START) {
      return firstPages.firstPage(filter.buildingId().get(), filter, read);
    }
    return read.get();
  }
}
