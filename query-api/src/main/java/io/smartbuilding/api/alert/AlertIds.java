package io.smartbuilding.api.alert;

import io.smartbuilding.api.problem.Abbreviated;
import io.smartbuilding.api.problem.ProblemException;
import java.util.regex.Pattern;

/**
 * Checks an alert id from a path: {@code deviceId#ruleId#openedAtEpochMillis} as {@code
 * AlertTable.alertId} builds it. In a URL the {@code #} must be sent as {@code %23}.
 */
final class AlertIds {

  static final String OPENAPI_PATTERN =
      "^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}#[A-Za-z0-9_.:*-]{1,128}#[0-9]{1,19}$";
  private static final Pattern PATTERN = Pattern.compile(OPENAPI_PATTERN);

  private AlertIds() {}

  static String requireValid(String alertId) {
    if (alertId == null || alertId.length() > 256 || !PATTERN.matcher(alertId).matches()) {
      String shown = Abbreviated.to(alertId, 80);
      throw ProblemException.invalidParameter(
          "alertId",
          "'alertId' must be deviceId#ruleId#openedAtEpochMillis, with '#' sent as %23 (got '"
              + shown
              + "')");
    }
    return alertId;
  }
}
