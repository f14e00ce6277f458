package io.smartbuilding.api.building;

import io.smartbuilding.api.access.BuildingAccess;
import io.smartbuilding.api.device.DeviceFilter;
import io.smartbuilding.api.device.DevicePage;
import io.smartbuilding.api.device.DeviceRepository;
import io.smartbuilding.api.device.DeviceSummary;
import io.smartbuilding.api.pagination.Cursor;
import io.smartbuilding.api.pagination.CursorCodec;
import io.smartbuilding.api.pagination.Listing;
import io.smartbuilding.api.pagination.Page;
import io.smartbuilding.api.pagination.PageLimit;
import io.smartbuilding.api.problem.ProblemException;
import io.smartbuilding.api.problem.ProblemResponses;
import io.smartbuilding.api.request.Identifier;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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

  static final String LIMIT_DESCRIPTION = "Most items on this page (1-200, default 50)";
  static final String CURSOR_DESCRIPTION =
      "nextCursor of the previous page, with the same filters; absent for the first page";
  private static final String BUILDINGS_QUERY = "buildings";

  private final BuildingRepository buildings;
  private final DeviceRepository devices;
  private final BuildingAccess access;
  private final CursorCodec cursors;

  BuildingResource(
      BuildingRepository buildings,
      DeviceRepository devices,
      BuildingAccess access,
      CursorCodec cursors) {
    this.buildings = buildings;
    this.devices = devices;
    this.access = access;
    this.cursors = cursors;
  }

  @GET
  @Operation(
      operationId = "listBuildings",
      summary = "List buildings",
      description =
          "One page of the buildings the caller may see, sorted by buildingId, each with its"
              + " floors and zones. Pass nextCursor back as cursor for the next page.")
  @APIResponse(
      responseCode = "200",
      description = "A page of buildings",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = BuildingPage.class),
              examples =
                  @ExampleObject(
                      name = "one building, last page",
                      value =
                          "{\"items\":[{\"buildingId\":\"hq-berlin\",\"floors\":[0,1,2],"
                              + "\"zones\":[\"north\",\"south\"],\"deviceCount\":42,"
                              + "\"updatedAt\":\"2025-03-01T08:15:30.123Z\"}],"
                              + "\"nextCursor\":null}")))
  @APIResponse(
      responseCode = "400",
      ref = ProblemResponses.INVALID_PARAMETER,
      description = "limit or cursor is invalid")
  @APIResponse(responseCode = "503", ref = ProblemResponses.DATA_STORE_UNAVAILABLE)
  public Page<Building> list(
      @Parameter(
              description = LIMIT_DESCRIPTION,
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      minimum = "1",
                      maximum = "" + PageLimit.MAX,
                      defaultValue = "" + PageLimit.DEFAULT))
          @QueryParam("limit")
          String limit,
      @Parameter(description = CURSOR_DESCRIPTION) @QueryParam("cursor") String cursor) {
    int size = PageLimit.parse(limit);
    Cursor start = cursors.decode(cursor, BUILDINGS_QUERY);
    return cursors.page(buildings.page(start, size, access.scope()), BUILDINGS_QUERY);
  }

  @GET
  @Path("/{buildingId}/devices")
  @Operation(
      operationId = "listBuildingDevices",
      summary = "List a building's devices",
      description =
          "One page of the devices of one building with their latest status and health score,"
              + " sorted by deviceId, optionally narrowed by floor, zone, type and status. An empty"
              + " list means the building is known but no device matches.")
  @APIResponse(
      responseCode = "200",
      description = "A page of the building's devices",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DevicePage.class),
              examples =
                  @ExampleObject(
                      name = "one degraded air handler",
                      value =
                          "{\"items\":[{\"deviceId\":\"ahu-01\",\"buildingId\":\"hq-berlin\","
                              + "\"floor\":3,\"zone\":\"north\",\"deviceType\":\"AIR_HANDLER\","
                              + "\"status\":\"DEGRADED\",\"healthScore\":72,"
                              + "\"reasons\":[\"vibrationMmS rising: 6.1 mm/s, baseline 2.3"
                              + " mm/s\"],\"openAlerts\":1,"
                              + "\"lastSeen\":\"2025-03-01T08:15:30.123Z\"}],"
                              + "\"nextCursor\":null}")))
  @APIResponse(
      responseCode = "400",
      ref = ProblemResponses.INVALID_PARAMETER,
      description = "buildingId, a filter, limit or cursor is invalid")
  @APIResponse(
      responseCode = "404",
      ref = ProblemResponses.NOT_FOUND,
      description = "No such building")
  @APIResponse(responseCode = "503", ref = ProblemResponses.DATA_STORE_UNAVAILABLE)
  public Page<DeviceSummary> devices(
      @Parameter(
              description = "Building id: " + Identifier.RULE,
              example = "hq-berlin",
              schema = @Schema(type = SchemaType.STRING, pattern = Identifier.OPENAPI_PATTERN))
          @PathParam("buildingId")
          String buildingId,
      @Parameter(
              description = "Only devices on this floor",
              example = "3",
              schema = @Schema(type = SchemaType.INTEGER))
          @QueryParam("floor")
          String floor,
      @Parameter(
              description = "Only devices in this zone",
              example = "north",
              schema = @Schema(type = SchemaType.STRING, pattern = Identifier.OPENAPI_PATTERN))
          @QueryParam("zone")
          String zone,
      @Parameter(
              description =
                  "Only devices of these types, comma separated: AIR_HANDLER, CHILLER,"
                      + " ZONE_SENSOR, ENERGY_METER, ELEVATOR",
              example = "AIR_HANDLER,CHILLER",
              schema = @Schema(type = SchemaType.STRING))
          @QueryParam("type")
          String type,
      @Parameter(
              description =
                  "Only devices with these statuses, comma separated: OK, DEGRADED, FAULT,"
                      + " OFFLINE",
              example = "DEGRADED,FAULT",
              schema = @Schema(type = SchemaType.STRING))
          @QueryParam("status")
          String status,
      @Parameter(
              description = LIMIT_DESCRIPTION,
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      minimum = "1",
                      maximum = "" + PageLimit.MAX,
                      defaultValue = "" + PageLimit.DEFAULT))
          @QueryParam("limit")
          String limit,
      @Parameter(description = CURSOR_DESCRIPTION) @QueryParam("cursor") String cursor) {
    DeviceFilter filter = DeviceFilter.parse(buildingId, floor, zone, type, status, limit);
    Cursor start = cursors.decode(cursor, filter.fingerprint());
    String unknown = "no building '" + buildingId + "'";
    access.requireReadable(buildingId, unknown);
    Listing<DeviceSummary> found = devices.inBuilding(filter, start);
    // The buildings table is written when a device is first seen, so a building can have devices
    // a moment before its entry appears: either source makes it known.
    if (found.items().isEmpty() && start == Cursor.START && !buildings.exists(buildingId)) {
      throw ProblemException.notFound(unknown);
    }
    return cursors.page(found, filter.fingerprint());
  }
}
