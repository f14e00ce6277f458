package io.smartbuilding.api.request;

import io.smartbuilding.api.problem.Abbreviated;
import io.smartbuilding.api.problem.ProblemException;
import io.smartbuilding.contracts.telemetry.Identifiers;

/**
 * Checks building and device ids from requests against the identifier alphabet of the telemetry
 * contract, so a malformed id is a 400 instead of a DynamoDB call that can only miss.
 */
public final class Identifier {

  /** For OpenAPI parameter schemas, which anchor explicitly (annotations need a constant). */
  public static final String OPENAPI_PATTERN = "^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$";

  public static final String RULE =
      "1-64 characters of letters, digits and _.:-, starting with a letter or digit";

  private Identifier() {}

  public static String requireValid(String parameter, String value) {
    if (!Identifiers.isValid(value)) {
      throw ProblemException.invalidParameter(
          parameter,
          "'" + parameter + "' must be " + RULE + " (got '" + Abbreviated.to(value, 80) + "')");
    }
    return value;
  }
}
