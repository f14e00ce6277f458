package io.smartbuilding.api.building;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The OpenAPI schema of a page of buildings (the resource returns {@code Page<Building>}): a named
 * schema gives generated clients a readable type instead of one derived from the generic.
 */
@Schema(name = "BuildingPage", description = "One page of buildings")
public record BuildingPage(
    @Schema(required = true) List<Building> items,
    @Schema(
            description =
                "Token for the next page: send it as 'cursor' with the same filters. Null on the"
                    + " last page; a page may hold fewer than 'limit' items and still have one.",
            nullable = true,
            required = true)
        String nextCursor) {}
