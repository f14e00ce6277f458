package io.smartbuilding.api;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

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
            license = @License(name = "Apache-2.0")))
public class QueryApiApplication extends Application {}
