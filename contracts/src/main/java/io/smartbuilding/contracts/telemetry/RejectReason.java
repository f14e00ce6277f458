package io.smartbuilding.contracts.telemetry;

/** Why a telemetry message was refused. Used as a metric tag and in dead-letter records. */
public enum RejectReason {
  OVERSIZED,
  MALFORMED_JSON,
  MISSING_FIELD,
  WRONG_TYPE,
  INVALID_VALUE,
  UNKNOWN_DEVICE_TYPE,
  ABSURD_TIMESTAMP,
  TOPIC_MISMATCH
}
