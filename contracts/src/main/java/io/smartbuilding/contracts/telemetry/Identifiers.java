package io.smartbuilding.contracts.telemetry;

import java.util.regex.Pattern;

/**
 * The alphabet of building, device and zone ids: safe in MQTT topics, DynamoDB keys, URLs and logs.
 */
public final class Identifiers {

  /** 1-64 characters of letters, digits and {@code _.:-}, starting with a letter or digit. */
  public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");

  private static final int MAX_LENGTH = 64;

  private Identifiers() {}

  /**
   * Same rule as {@link #PATTERN}, checked with a loop: every message carries three ids, and the
   * regex engine was the largest cost of decoding in the Flink job's profile.
   */
  public static boolean isValid(String id) {
    if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      boolean punctuation = c == '_' || c == '.' || c == ':' || c == '-';
      if (!letterOrDigit && (i == 0 || !punctuation)) {
        return false;
      }
    }
    return true;
  }
}
