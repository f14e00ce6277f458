package io.smartbuilding.api.problem;

/**
 * A client's value as an error detail quotes it: at most a given number of characters, so a
 * megabyte of garbage in a parameter does not come back (or into the log) whole.
 */
public final class Abbreviated {

  private Abbreviated() {}

  /**
   * {@code value} itself when it has at most {@code max} characters, else its start and "...";
   * null as the empty string.
   */
  public static String to(String value, int max) {
    if (value == null) {
      return "";
    }
    return value.length() <= max ? value : value.substring(0, max) + "...";
  }
}
