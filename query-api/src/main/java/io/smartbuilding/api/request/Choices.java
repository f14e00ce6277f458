package io.smartbuilding.api.request;

import io.smartbuilding.api.problem.Abbreviated;
import io.smartbuilding.api.problem.ProblemException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A query parameter that names one or more values of an enum, comma separated ({@code
 * status=open,acknowledged}). Absent or empty means any value.
 */
public final class Choices {

  private Choices() {}

  /** The chosen values in the enum's order, without repeats; empty for "any". */
  public static <E extends Enum<E>> List<E> parse(
      String parameter, String value, Class<E> type, Function<E, String> wireValue) {
    if (value == null || value.isEmpty()) {
      return List.of();
    }
    Set<E> chosen = EnumSet.noneOf(type);
    for (String part : value.split(",", -1)) {
      String wanted = part.strip();
      E match = null;
      for (E candidate : type.getEnumConstants()) {
        if (wireValue.apply(candidate).equals(wanted)) {
          match = candidate;
        }
      }
      if (match == null) {
        throw ProblemException.invalidParameter(
            parameter,
            "'"
                + parameter
                + "' must be one or more of "
                + allowed(type, wireValue)
                + ", comma separated (got '"
                + Abbreviated.to(value, 80)
                + "')");
      }
      chosen.add(match);
    }
    return List.copyOf(chosen);
  }

  /** The wire values of {@code type}, for messages and OpenAPI descriptions. */
  public static <E extends Enum<E>> String allowed(Class<E> type, Function<E, String> wireValue) {
    return java.util.Arrays.stream(type.getEnumConstants())
        .map(wireValue)
        .collect(Collectors.joining(", "));
  }
}
