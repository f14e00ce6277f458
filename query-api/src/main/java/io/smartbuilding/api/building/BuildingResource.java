package io.smartbuilding.api.building;

import io.smartbuilding.api.access.BuildingAccess;
import io.smartbuilding.api.device.DeviceRepository;
import io.smartbuilding.api.device.DeviceSummary;
import io.smartbuilding.api.problem.ProblemException;
import io.smartbuilding.api.problem.ProblemResponses;
import io.smartbuilding.api.request.Identifier;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

@Path("/api/v1/buildings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Buildings", description = "The buildings the platform has heard from")
public class BuildingResource {

  private final BuildingRepository buildings;
  private final DeviceRepository devices;
  private final BuildingAccess access;

  BuildingResource(BuildingRepository buildings, DeviceRepository devices, BuildingAccess access) {
    this.buildings = buildings;
    this.devices = devices;
    this.access = access;
  }

  @GET
  @Operation(
      summary = "List buildings",
      description = "Every building a device has reported from, sorted by buildingId.")
  @APIResponse(
      responseCode = "200",
      description = "The buildings",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = Building.class),
              examples =
                  @ExampleObject(
                      name = "one building",
                      value =
                          "[{\"buildingId\":\"hq-berlin\",\"floors\":[0,1,2],"
                              + "\"zones\":[\"north\",\"south\"],\"deviceCount\":42,"
                              + "\"updatedAt\":\"2025-03-01T08:15:30.123Z\"}]")))
  @APIResponse(responseCode = "503", ref = ProblemResponses.DATA_STORE_UNAVAILABLE)
  public List<Building> list() {
    return buildings.all().stream().filter(b -> access.permits(b.buildingId())).toList();
  }

  @GET
  @Path("/{buildingId}/devices")
  @Operation(
      summary = "List a building's devices",
      description =
          "The devices of one building with their latest status, sorted by deviceId. An empty list"
              + " means the building is known but has no devices yet.")
  @APIResponse(
      responseCode = "200",
      description = "The building's devices",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = DeviceSummary.class),
              examples =
                  @ExampleObject(
                      name = "one device",
                      value =
                          "[{\"deviceId\":\"ahu-01\",\"buildingId\":\"hq-berlin\",\"floor\":3,"
                              + "\"zone\":\"north\",\"deviceType\":\"AIR_HANDLER\","
                              + "\"status\":\"OK\","
                              + "\"lastSeen\":\"2025-03-01T08:15:30.123Z\"}]")))
  @APIResponse(
      responseCode = "400",
      ref = ProblemResponses.INVALID_PARAMETER,
      description = "buildingId is not a valid identifier")
  @APIResponse(
      responseCode = "404",
      ref = ProblemResponses.NOT_FOUND,
      description = "No such building")
  @APIResponse(responseCode = "503", ref = ProblemResponses.DATA_STORE_UNAVAILABLE)
  public List<DeviceSummary> devices(
      @Parameter(
              description = "Building id: " + Identifier.RULE,
              example = "hq-berlin",
              schema = @Schema(type = SchemaType.STRING, pattern = Identifier.OPENAPI_PATTERN))
          @PathParam("buildingId")
          String buildingId) {
    Identifier.requireValid("buildingId", buildingId);
    String unknown = "no building '" + buildingId + "'";
    access.requireReadable(buildingId, unknown);
    List<DeviceSummary> found = devices.inBuilding(buildingId);
    // The buildings table is written when a device is first seen, so a building can have devices
    // a moment before its entry appears: either source makes it known.
    if (found.isEmpty() && !buildings.exists(buildingId)) {
      throw ProblemException.notFound(unknown);
    }
    return found;
  }
}
