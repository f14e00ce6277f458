package io.smartbuilding.api.history;

import io.smartbuilding.api.access.BuildingAccess;
import io.smartbuilding.api.building.BuildingRepository;
import io.smartbuilding.api.device.DeviceFilter;
import io.smartbuilding.api.problem.ProblemException;
import io.smartbuilding.api.problem.ProblemResponses;
import io.smartbuilding.api.request.Identifier;
import io.smartbuilding.contracts.tables.MetricHistoryTable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/buildings/{buildingId}/history")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "History", description = "Metric aggregates over time, for charts")
public class BuildingHistoryResource {

  private final BuildingRepository buildings;
  private final HistoryRepository history;
  private final BuildingAccess access;

  BuildingHistoryResource(
      BuildingRepository buildings, HistoryRepository history, BuildingAccess access) {
    this.buildings = buildings;
    this.history = history;
    this.access = access;
  }

  @GET
  @Operation(
      operationId = "getBuildingHistory",
      summary = "Get a building's, floor's or zone's metric history",
      description =
          "Min, max, mean and count of one metric over a whole building, one floor (floor) or one"
              + " zone of a floor (floor and zone) per bucket, oldest first, from the five-minute"
              + " aggregates analytics-job stores; coarser resolutions are re-aggregated."
              + HistoryParameters.LIMITS)
  @APIResponse(
      responseCode = "200",
      description = "The history; buckets without readings are absent",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = MetricHistory.class),
              examples = @ExampleObject(name = "half an hour", value = HistoryParameters.EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      ref = ProblemResponses.INVALID_PARAMETER,
      description = "buildingId, floor, zone, metric, range or resolution is invalid")
  @APIResponse(
      responseCode = "404",
      ref = ProblemResponses.NOT_FOUND,
      description = "No such building")
  @APIResponse(responseCode = "503", ref = ProblemResponses.DATA_STORE_UNAVAILABLE)
  public MetricHistory history(
      @Parameter(
              description = "Building id: " + Identifier.RULE,
              example = "hq-berlin",
              schema = @Schema(type = SchemaType.STRING, pattern = Identifier.OPENAPI_PATTERN))
          @PathParam("buildingId")
          String buildingId,
      @Parameter(description = HistoryParameters.METRIC, example = "temperatureC", required = true)
          @QueryParam("metric")
          String metric,
      @Parameter(
              description = "Only this floor",
              example = "3",
              schema = @Schema(type = SchemaType.INTEGER))
          @QueryParam("floor")
          String floor,
      @Parameter(
              description = "Only this zone of the floor (needs floor)",
              example = "north",
              schema = @Schema(type = SchemaType.STRING, pattern = Identifier.OPENAPI_PATTERN))
          @QueryParam("zone")
          String zone,
      @Parameter(
              description = HistoryParameters.FROM,
              example = "2025-03-01T08:00:00Z",
              schema = @Schema(type = SchemaType.STRING, format = "date-time"))
          @QueryParam("from")
          String from,
      @Parameter(
              description = HistoryParameters.TO,
              example = "2025-03-01T10:00:00Z",
              schema = @Schema(type = SchemaType.STRING, format = "date-time"))
          @QueryParam("to")
          String to,
      @Parameter(
              description = "Bucket width; default 5m",
              example = "1h",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"5m", "15m", "1h"}))
          @QueryParam("resolution")
          String resolution) {
    Identifier.requireValid("buildingId", buildingId);
    boolean hasFloor = floor != null && !floor.isEmpty();
    boolean hasZone = zone != null && !zone.isEmpty();
    Integer floorNumber = hasFloor ? DeviceFilter.floor(floor) : null;
    if (hasZone) {
      Identifier.requireValid("zone", zone);
      if (!hasFloor) {
        throw ProblemException.invalidParameter(
            "zone", "'zone' needs 'floor': zone names are unique only within a floor");
      }
    }
    HistoryRange range =
        HistoryRange.parse(
            metric, from, to, resolution, Resolution.FIVE_MINUTES, Clock.systemUTC());
    String unknown = "no building '" + buildingId + "'";
    access.requireReadable(buildingId, unknown);
    if (!buildings.exists(buildingId)) {
      throw ProblemException.notFound(unknown);
    }
    String series =
        hasZone
            ? MetricHistoryTable.zoneSeries(buildingId, floorNumber, zone, range.metric())
            : hasFloor
                ? MetricHistoryTable.floorSeries(buildingId, floorNumber, range.metric())
                : MetricHistoryTable.buildingSeries(buildingId, range.metric());
    return history.read(series, range);
  }
}
