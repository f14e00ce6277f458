package io.smartbuilding.api.pagination;

import io.smartbuilding.api.problem.ProblemException;

/** The {@code limit} query parameter of every list: page size, 1 to 200, 50 by default. */
public final class PageLimit {

  public static final String PARAMETER = "limit";
  public static final int DEFAULT = 50;
  public static final int MAX = 200;

  private PageLimit() {}

  /** Null or empty means the default. */
  public static int parse(String value) {
    if (value == null || value.isEmpty()) {
      return DEFAULT;
    }
    String rule = "'limit' must be a whole number from 1 to " + MAX + " (got '" + value + "')";
    int parsed;
    try {
      parsed = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw ProblemException.invalidParameter(PARAMETER, rule);
    }
    if (parsed < 1 || parsed > MAX) {
      throw ProblemException.invalidParameter(PARAMETER, rule);
    }
    return parsed;
  }
}
