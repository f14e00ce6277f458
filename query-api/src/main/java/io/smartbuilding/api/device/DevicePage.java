package io.smartbuilding.api.device;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The OpenAPI schema of a page of devices (the resource returns {@code Page<DeviceSummary>}): a
 * named schema gives generated clients a readable type instead of one derived from the generic.
 */
@Schema(name = "DevicePage", description = "One page of devices")
public record DevicePage(
    @Schema(required = true) List<DeviceSummary> items,
    @Schema(
            description =
                "Token for the next page: send it as 'cursor' with the same filters. Null on the"
                    + " last page; a page may hold fewer than 'limit' items and still have one.",
            nullable = true,
            required = true)
        String nextCursor) {}
