package io.smartbuilding.api.history;

import io.smartbuilding.api.access.BuildingAccess;
import io.smartbuilding.api.device.DeviceHealth;
import io.smartbuilding.api.device.DeviceRepository;
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

@Path("/api/v1/devices/{deviceId}/history")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "History", description = "Metric aggregates over time, for charts")
public class DeviceHistoryResource {

  private final DeviceRepository devices;
  private final HistoryRepository history;
  private final BuildingAccess access;

  DeviceHistoryResource(
      DeviceRepository devices, HistoryRepository history, BuildingAccess access) {
    this.devices = devices;
    this.history = history;
    this.access = access;
  }

  @GET
  @Operation(
      operationId = "getDeviceHistory",
      summary = "Get a device's metric history",
      description =
          "Min, max, mean and count of one metric of one device per bucket, oldest first, from"
              + " the one-minute aggregates analytics-job stores; coarser resolutions are"
              + " re-aggregated from them."
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
      description = "deviceId, metric, range or resolution is invalid")
  @APIResponse(
      responseCode = "404",
      ref = ProblemResponses.NOT_FOUND,
      description = "No such device")
  @APIResponse(responseCode = "503", ref = ProblemResponses.DATA_STORE_UNAVAILABLE)
  public MetricHistory history(
      @Parameter(
              description = "Device id: " + Identifier.RULE,
              example = "ahu-01",
              schema = @Schema(type = SchemaType.STRING, pattern = Identifier.OPENAPI_PATTERN))
          @PathParam("deviceId")
          String deviceId,
      @Parameter(description = HistoryParameters.METRIC, example = "temperatureC", required = true)
          @QueryParam("metric")
          String metric,
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
              description = "Bucket width; default 1m",
              example = "15m",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"1m", "5m", "15m", "1h"}))
          @QueryParam("resolution")
          String resolution) {
    Identifier.requireValid("deviceId", deviceId);
    HistoryRange range =
        HistoryRange.parse(metric, from, to, resolution, Resolution.ONE_MINUTE, Clock.systemUTC());
    String unknown = "no device '" + deviceId + "'";
    DeviceHealth device =
        devices.health(deviceId).orElseThrow(() -> ProblemException.notFound(unknown));
    access.requireReadable(device.buildingId(), unknown);
    return history.read(MetricHistoryTable.deviceSeries(deviceId, range.metric()), range);
  }
}
