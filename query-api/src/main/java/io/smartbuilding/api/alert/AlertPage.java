package io.smartbuilding.api.alert;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The OpenAPI schema of a page of alerts (the resource returns {@code Page<Alert>}): a named schema
 * gives generated clients a readable type instead of one derived from the generic.
 */
@Schema(name = "AlertPage", description = "One page of alerts")
public record AlertPage(
    @Schema(required = true) List<Alert> items,
    @Schema(
            description =
                "Token for the next page: send it as 'cursor' with the same filters. Null on the"
                    + " last page; a page may hold fewer than 'limit' items and still have one.",
            nullable = true,
            required = true)
        String nextCursor) {}
