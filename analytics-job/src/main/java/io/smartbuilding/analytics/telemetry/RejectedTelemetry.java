package io.smartbuilding.analytics.telemetry;

import io.smartbuilding.contracts.telemetry.RejectReason;

/** A Kinesis user record that is not valid telemetry, and why. */
public record RejectedTelemetry(RejectReason reason, String detail, int sizeBytes) {}
