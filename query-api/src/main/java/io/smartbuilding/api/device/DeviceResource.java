package io.smartbuilding.api.device;

import io.smartbuilding.api.access.BuildingAccess;
import io.smartbuilding.api.problem.ProblemException;
import io.smartbuilding.api.problem.ProblemResponses;
import io.smartbuilding.api.request.Identifier;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/devices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Devices", description = "The latest health of each device")
public class DeviceResource {

  private final DeviceRepository devices;
  private final BuildingAccess access;

  DeviceResource(DeviceRepository devices, BuildingAccess access) {
    this.devices = devices;
    this.access = access;
  }

  @GET
  @Path("/{deviceId}/health")
  @Operation(
      operationId = "getDeviceHealth",
      summary = "Get a device's health",
      description = "The latest status and reading of one device, as analytics-job last wrote it.")
  @APIResponse(
      responseCode = "200",
      description = "The device's health",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DeviceHealth.class),
              examples =
                  @ExampleObject(
                      name = "an air handler",
                      value =
                          "{\"deviceId\":\"ahu-01\",\"buildingId\":\"hq-berlin\",\"floor\":3,"
                              + "\"zone\":\"north\",\"deviceType\":\"AIR_HANDLER\","
                              + "\"status\":\"DEGRADED\",\"healthScore\":72,"
                              + "\"reasons\":[\"vibrationMmS rising: 6.1 mm/s, baseline 2.3"
                              + " mm/s\"],\"openAlerts\":1,"
                              + "\"lastSeen\":\"2025-03-01T08:15:30.123Z\",\"lastSeq\":1842,"
                              + "\"metrics\":{\"temperatureC\":21.5,\"humidityPct\":40.2},"
                              + "\"updatedAt\":\"2025-03-01T08:15:31.004Z\"}")))
  @APIResponse(
      responseCode = "400",
      ref = ProblemResponses.INVALID_PARAMETER,
      description = "deviceId is not a valid identifier")
  @APIResponse(
      responseCode = "404",
      ref = ProblemResponses.NOT_FOUND,
      description = "No such device")
  @APIResponse(responseCode = "503", ref = ProblemResponses.DATA_STORE_UNAVAILABLE)
  public DeviceHealth health(
      @Parameter(
              description = "Device id: " + Identifier.RULE,
              example = "ahu-01",
              schema = @Schema(type = SchemaType.STRING, pattern = Identifier.OPENAPI_PATTERN))
          @PathParam("deviceId")
          String deviceId) {
    Identifier.requireValid("deviceId", deviceId);
    String unknown = "no device '" + deviceId + "'";
    DeviceHealth health =
        devices.health(deviceId).orElseThrow(() -> ProblemException.notFound(unknown));
    access.requireReadable(health.buildingId(), unknown);
    return health;
  }
}
