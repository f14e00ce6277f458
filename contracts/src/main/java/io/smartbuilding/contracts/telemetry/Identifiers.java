package io.smartbuilding.contracts.telemetry;

import java.util.regex.Pattern;

/**
 * The alphabet of building, device and zone ids: safe in MQTT topics, DynamoDB keys, URLs and logs.
 */
public final class Identifiers {

  /** 1-64 characters of letters, digits and {@code _.:-}, starting with a letter or digit. */
  public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");

  private Identifiers() {}

  public static boolean isValid(String id) {
    return id != null && PATTERN.matcher(id).matches();
  }
}
