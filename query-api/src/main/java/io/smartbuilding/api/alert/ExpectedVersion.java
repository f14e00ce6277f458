package io.smartbuilding.api.alert;

import io.smartbuilding.api.problem.Abbreviated;
import io.smartbuilding.api.problem.Problem;
import io.smartbuilding.api.problem.ProblemException;

/**
 * The alert version an action expects, from If-Match (the ETag {@code "3-1740816930123"}, whose
 * part before the dash is the version, or a bare {@code "3"}; {@code W/} tolerated) or the body's
 * {@code version}. Only the version guards an action: analytics-job's changes (updatedAt) do not
 * conflict with a person's. Without either the API cannot tell a blind overwrite
 * from an informed one, so it answers 428.
 */
final class ExpectedVersion {

  private ExpectedVersion() {}

  static long of(String ifMatch, Long bodyVersion) {
    Long header = ifMatch == null || ifMatch.isBlank() ? null : parse(ifMatch);
    if (header != null && bodyVersion != null && !header.equals(bodyVersion)) {
      throw ProblemException.invalidParameter(
          "If-Match",
          "If-Match (" + header + ") and the body's version (" + bodyVersion + ") disagree");
    }
    Long version = header != null ? header : bodyVersion;
    if (version == null) {
      throw ProblemException.of(
          Problem.of(
              428,
              "precondition-required",
              "Precondition required",
              "send the alert's ETag as If-Match (or its version in the body); GET the alert for"
                  + " it"));
    }
    if (version < 0) {
      throw ProblemException.invalidParameter("version", "'version' must be 0 or more");
    }
    return version;
  }

  private static long parse(String ifMatch) {
    String tag = ifMatch.strip();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
      tag = tag.substring(1, tag.length() - 1);
    }
    int dash = tag.indexOf('-');
    try {
      if (dash >= 0) {
        Long.parseLong(tag.substring(dash + 1)); // the updatedAt part must be a number too
        tag = tag.substring(0, dash);
      }
      return Long.parseLong(tag);
    } catch (NumberFormatException e) {
      throw ProblemException.invalidParameter(
          "If-Match",
          "If-Match must be the alert's ETag, e.g. \"3-1740816930123\" (got '"
              + Abbreviated.to(ifMatch, 40)
              + "')");
    }
  }
}
