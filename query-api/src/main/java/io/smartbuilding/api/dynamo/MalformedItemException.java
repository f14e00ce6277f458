package io.smartbuilding.api.dynamo;

/** A stored item breaks the table contract: a bug in the writer, answered as a 500. */
public class MalformedItemException extends RuntimeException {

  public MalformedItemException(String message) {
    super(message);
  }
}
