package io.smartbuilding.api.security;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.smartbuilding.api.problem.Problem;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Documents authentication once for every /api/ operation, since it is configured by path and not
 * per method: the bearer scheme as the global requirement, a 401 and a 403 on every operation (a
 * token without a known role is refused everywhere, a viewer also on the alert actions), and the
 * problem responses only the actions produce (409, 428). The health, metrics and OpenAPI endpoints stay open.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class SecurityOpenApiFilter implements OASFilter {

  public static final String SCHEME = "bearer";
  private static final String RESPONSES = "#/components/responses/";
  private static final String PROBLEM = "#/components/schemas/Problem";

  @Override
  public void filterOpenAPI(OpenAPI openApi) {
    Components components = openApi.getComponents();
    if (components == null) {
      components = OASFactory.createComponents();
      openApi.setComponents(components);
    }
    components.addSecurityScheme(
        SCHEME,
        OASFactory.createSecurityScheme()
            .type(SecurityScheme.Type.HTTP)
            .scheme("bearer")
            .bearerFormat("JWT")
            .description(
                "An OIDC access or ID token (Amazon Cognito in production; `./platform token` on"
                    + " the local stack). Roles from cognito:groups (viewer, technician,"
                    + " manager), buildings from custom:buildings."));
    components.addResponse(
        "Unauthorized",
        problem(
            "No bearer token, or an expired or invalid one",
            "missing token",
            401,
            "unauthorized",
            "Unauthorized",
            "a bearer token is required: send 'Authorization: Bearer <token>'"));
    components.addResponse(
        "Forbidden",
        problem(
            "The token has no known role, or its role does not allow this request (a viewer acting)",
            "viewer acting",
            403,
            "forbidden",
            "Forbidden",
            "your role does not allow this request"));
    components.addResponse(
        "Conflict",
        problem(
            "The alert changed since the version sent, or its status forbids the action",
            "stale version",
            409,
            "conflict",
            "Conflict",
            "the alert is at version 3, not 2: someone changed it meanwhile; reload it and"
                + " retry"));
    components.addResponse(
        "PreconditionRequired",
        problem(
            "Neither If-Match nor a body version was sent",
            "no version",
            428,
            "precondition-required",
            "Precondition required",
            "send the alert's ETag as If-Match (or its version in the body); GET the alert for"
                + " it"));
    openApi.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SCHEME));

    if (openApi.getPaths() == null || openApi.getPaths().getPathItems() == null) {
      return;
    }
    openApi
        .getPaths()
        .getPathItems()
        .forEach(
            (path, item) -> {
              if (!path.startsWith("/api/")) {
                return;
              }
              for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                  item.getOperations().entrySet()) {
                Operation operation = entry.getValue();
                if (operation.getResponses() == null) {
                  continue;
                }
                operation.getResponses().addAPIResponse("401", ref("Unauthorized"));
                operation.getResponses().addAPIResponse("403", ref("Forbidden"));
              }
            });
  }

  private static APIResponse ref(String name) {
    return OASFactory.createAPIResponse().ref(RESPONSES + name);
  }

  private static APIResponse problem(
      String description,
      String exampleName,
      int status,
      String kind,
      String title,
      String detail) {
    Example example =
        OASFactory.createExample()
            .value(
                Map.of(
                    "type", "urn:smartbuilding:problem:" + kind,
                    "title", title,
                    "status", status,
                    "detail", detail));
    return OASFactory.createAPIResponse()
        .description(description)
        .content(
            OASFactory.createContent()
                .addMediaType(
                    Problem.MEDIA_TYPE,
                    OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(PROBLEM))
                        .addExample(exampleName, example)));
  }
}
