package io.smartbuilding.api.pagination;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list: its items and the cursor of the next page, null on the last page. */
public record Page<T>(
    @Schema(description = "The page's items, in the list's order") List<T> items,
    @Schema(
            description =
                "Opaque token for the next page (pass it as 'cursor' with the same filters); null"
                    + " on the last page. A page may hold fewer than 'limit' items and still have a"
                    + " next page.",
            nullable = true,
            example = "eyJxIjoiM2Y1YS4uLiJ9.2b9kq0...")
        String nextCursor) {

  public Page {
    items = List.copyOf(items);
  }
}
