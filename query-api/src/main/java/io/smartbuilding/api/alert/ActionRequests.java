package io.smartbuilding.api.alert;

import io.smartbuilding.api.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the alert actions, and the rules their fields follow. */
final class ActionRequests {

  static final int MAX_TEXT = 1000;
  static final int MAX_ASSIGNEE = 128;

  private ActionRequests() {}

  @Schema(name = "AcknowledgeRequest")
  record Acknowledge(
      @Schema(
              description = "The version being acknowledged, if not sent as If-Match",
              example = "0")
          Long version) {}

  @Schema(name = "AssignRequest")
  record Assign(
      @Schema(
              description = "Who should handle the alert (1-128 characters)",
              required = true,
              maxLength = MAX_ASSIGNEE,
              example = "maria.manager")
          String assignee,
      @Schema(description = "The alert's version, if not sent as If-Match", example = "1")
          Long version) {}

  @Schema(name = "NoteRequest")
  record Note(
      @Schema(
              description = "The note (1-1000 characters)",
              required = true,
              maxLength = MAX_TEXT,
              example = "Filter replaced, watching the temperature.")
          String text,
      @Schema(description = "The alert's version, if not sent as If-Match", example = "2")
          Long version) {}

  @Schema(name = "ResolveRequest")
  record Resolve(
      @Schema(
              description = "Optional: how it was fixed (up to 1000 characters)",
              maxLength = MAX_TEXT,
              example = "Belt replaced.")
          String note,
      @Schema(description = "The alert's version, if not sent as If-Match", example = "3")
          Long version) {}

  /** Required text: present, not blank, at most {@code max} characters, no control characters. */
  static String required(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw ProblemException.invalidParameter(field, "'" + field + "' is required");
    }
    return optional(field, value, max);
  }

  /** Optional text: null stays null; otherwise as {@link #required} without the blank check. */
  static String optional(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    if (text.length() > max) {
      throw ProblemException.invalidParameter(
          field,
          "'" + field + "' must be at most " + max + " characters (got " + text.length() + ")");
    }
    // Line breaks and tabs belong in a note; other control characters only garble a log or a UI.
    if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
      throw ProblemException.invalidParameter(
          field, "'" + field + "' must not contain control characters");
    }
    return text;
  }
}
