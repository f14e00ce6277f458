package io.smartbuilding.contracts.telemetry;

/** A telemetry payload that breaks the contract; the message says which field and why. */
public final class InvalidTelemetryException extends Exception {

  private final RejectReason reason;

  public InvalidTelemetryException(RejectReason reason, String message) {
    super(message, null, false, false); // thrown per bad message: no stack trace needed
    this.reason = reason;
  }

  public RejectReason reason() {
    return reason;
  }
}
