package io.smartbuilding.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * The problem for a request body Jackson could not read: 400 naming the field when there is one
 * (a wrong type, an unknown field), so a client developer sees which part of their JSON is wrong
 * instead of a parser's message about line and column.
 */
final class JsonBodyProblems {

  private JsonBodyProblems() {}

  static Problem of(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      String field = path(unknown);
      return invalid(
          field,
          "'"
              + field
              + "' is not a field of this request (fields: "
              + known(unknown.getKnownPropertyIds())
              + ")");
    }
    if (e instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
      String field = path(mismatched);
      return invalid(field, "'" + field + "' must be " + expected(mismatched.getTargetType()));
    }
    return Problem.of(
        400,
        "invalid-body",
        "Invalid body",
        "the body is not valid JSON for this request: "
            + Abbreviated.to(firstLine(e.getOriginalMessage()), 120));
  }

  private static Problem invalid(String field, String detail) {
    return ProblemException.invalidParameter(field, detail).problem();
  }

  /** {@code assignee}, {@code evidence.readings[2]}: the JSON path Jackson was at. */
  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : Abbreviated.to(path.toString(), 80);
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "of another type";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
      return "a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    return "a " + type.getSimpleName();
  }

  private static String known(Collection<Object> ids) {
    return ids == null
        ? ""
        : ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
