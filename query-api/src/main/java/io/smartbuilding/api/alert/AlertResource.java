package io.smartbuilding.api.alert;

import io.smartbuilding.api.access.BuildingAccess;
import io.smartbuilding.api.problem.ProblemResponses;
import io.smartbuilding.api.request.Identifier;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
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

  AlertResource(AlertRepository alerts, BuildingAccess access) {
    this.alerts = alerts;
    this.access = access;
  }

  @GET
  @Operation(
      summary = "List alerts, newest first",
      description =
          "Alerts sorted by openedAt, newest first. With buildingId: that building's alerts"
              + " (optionally of one status). With only status: alerts of that status in every"
              + " building. With neither: the newest alerts of every status (open, acknowledged and"
              + " resolved are queried separately and merged).")
  @APIResponse(
      responseCode = "200",
      description = "The alerts, newest first",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = Alert.class),
              examples =
                  @ExampleObject(
                      name = "an open overheat alert",
                      value =
                          "[{\"alertId\":\"ahu-01#OVERHEAT#1740816930123\",\"deviceId\":\"ahu-01\","
                              + "\"buildingId\":\"hq-berlin\",\"floor\":3,\"zone\":\"north\","
                              + "\"deviceType\":\"AIR_HANDLER\",\"type\":\"OVERHEAT\","
                              + "\"severity\":\"CRITICAL\",\"status\":\"open\","
                              + "\"message\":\"temperatureC 31.2 above limit 28.0\","
                              + "\"openedAt\":\"2025-03-01T08:15:30.123Z\","
                              + "\"lastSeenAt\":\"2025-03-01T08:20:30.123Z\",\"resolvedAt\":null,"
                              + "\"peakValue\":31.2,\"limit\":28.0,"
                              + "\"updatedAt\":\"2025-03-01T08:20:31.004Z\"}]")))
  @APIResponse(responseCode = "400", ref = ProblemResponses.INVALID_PARAMETER)
  @APIResponse(responseCode = "503", ref = ProblemResponses.DATA_STORE_UNAVAILABLE)
  public List<Alert> list(
      @Parameter(
              description = "Only this building's alerts",
              example = "hq-berlin",
              schema = @Schema(type = SchemaType.STRING, pattern = Identifier.OPENAPI_PATTERN))
          @QueryParam("buildingId")
          String buildingId,
      @Parameter(
              description = "Only alerts with this status",
              example = "open",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"open", "acknowledged", "resolved"}))
          @QueryParam("status")
          String status,
      // A String, not an int: JAX-RS answers an unparseable int query parameter with 404.
      @Parameter(
              description = "Most alerts to return",
              example = "50",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      minimum = "1",
                      maximum = "" + AlertFilter.MAX_LIMIT,
                      defaultValue = "" + AlertFilter.DEFAULT_LIMIT))
          @QueryParam("limit")
          String limit) {
    AlertFilter filter = AlertFilter.parse(buildingId, status, limit);
    // A building outside the caller's scope reads as one without alerts.
    if (filter.buildingId().isPresent() && !access.permits(filter.buildingId().get())) {
      return List.of();
    }
    return alerts.newestFirst(filter, access::permits);
  }
}
