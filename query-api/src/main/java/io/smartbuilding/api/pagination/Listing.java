package io.smartbuilding.api.pagination;

import java.util.List;
import java.util.function.Function;

/**
 * A page as a repository returns it: the items and where the next page starts ({@code null} when
 * this is the last page). {@link CursorCodec#page} turns it into the {@link Page} clients see.
 */
public record Listing<T>(List<T> items, Cursor next) {

  public static <T> Listing<T> empty() {
    return new Listing<>(List.of(), null);
  }

  public <R> Listing<R> map(Function<T, R> mapper) {
    return new Listing<>(items.stream().map(mapper).toList(), next);
  }
}
