package io.smartbuilding.api;

import io.smartbuilding.api.problem.Problem;
import io.smartbuilding.api.problem.ProblemResponses;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The API's OpenAPI definition. The problem+json error responses live here once, as components: the
 * resources refer to them by the names in {@link ProblemResponses} instead of repeating the schema,
 * examples and headers on every operation.
 */
@OpenAPIDefinition(
    info =
        @Info(
            title = "Smart building query API",
            version = "v1",
            description =
                "Read-only view of the smart building platform: buildings, the latest health of"
                    + " each device and maintenance alerts, as analytics-job writes them to"
                    + " DynamoDB. Times are ISO-8601 UTC; errors are application/problem+json (RFC"
                    + " 9457).",
            license =
                @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
    components =
        @Components(
            responses = {
              @APIResponse(
                  name = ProblemResponses.INVALID_PARAMETER,
                  description = "A parameter is invalid; the problem names it",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class),
                          examples = {
                            @ExampleObject(
                                name = "unknown status",
                                value =
                                    "{\"type\":\"urn:smartbuilding:problem:invalid-parameter\","
                                        + "\"title\":\"Invalid parameter\",\"status\":400,"
                                        + "\"detail\":\"'status' must be one of open,"
                                        + " acknowledged, resolved (got 'closed')\","
                                        + "\"parameter\":\"status\"}"),
                            @ExampleObject(
                                name = "malformed id",
                                value =
                                    "{\"type\":\"urn:smartbuilding:problem:invalid-parameter\","
                                        + "\"title\":\"Invalid parameter\",\"status\":400,"
                                        + "\"detail\":\"'deviceId' must be 1-64 characters of"
                                        + " letters, digits and _.:-, starting with a letter or"
                                        + " digit (got 'a#b')\",\"parameter\":\"deviceId\"}")
                          })),
              @APIResponse(
                  name = ProblemResponses.NOT_FOUND,
                  description = "Nothing has the id in the path",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "unknown building",
                                  value =
                                      "{\"type\":\"urn:smartbuilding:problem:not-found\","
                                          + "\"title\":\"Not found\",\"status\":404,"
                                          + "\"detail\":\"no building 'nowhere'\"}"))),
              @APIResponse(
                  name = ProblemResponses.DATA_STORE_UNAVAILABLE,
                  description = "DynamoDB is unavailable",
                  headers =
                      @Header(
                          name = "Retry-After",
                          description = "Seconds to wait before trying again",
                          schema = @Schema(type = SchemaType.INTEGER)),
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "DynamoDB out of reach",
                                  value =
                                      "{\"type\":\"urn:smartbuilding:problem:"
                                          + "data-store-unavailable\","
                                          + "\"title\":\"Service unavailable\",\"status\":503,"
                                          + "\"detail\":\"DynamoDB cannot be reached; try again"
                                          + " later\"}")))
            }))
public class QueryApiApplication extends Application {}
