package io.smartbuilding.gateway.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smartbuilding.contracts.telemetry.RejectReason;
import io.smartbuilding.gateway.kinesis.WriterMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** The gateway's Prometheus metrics (served at /q/metrics). */
@ApplicationScoped
public class IngestMetrics implements WriterMetrics {

  private final MeterRegistry registry;
  private final Counter received;
  private final Counter forwarded;
  private final Counter retried;
  private final Counter deadLettered;
  private final DistributionSummary batchMessages;
  private final DistributionSummary batchRecords;
  private final Map<RejectReason, Counter> rejected = new EnumMap<>(RejectReason.class);
  private final Timer endToEndLag;
  private final Timer gatewayLatency;

  public IngestMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.received = registry.counter("gateway.messages.received");
    this.forwarded = registry.counter("gateway.messages.forwarded");
    this.retried = registry.counter("gateway.kinesis.records.retried");
    this.deadLettered = registry.counter("gateway.messages.dead.lettered");
    this.batchMessages = registry.summary("gateway.batch.messages");
    this.batchRecords = registry.summary("gateway.batch.kinesis.records");
    this.endToEndLag =
        Timer.builder("gateway.lag")
            .description("From the device's reading (its ts) to the message stored in Kinesis")
            .publishPercentileHistogram()
            .register(registry);
    this.gatewayLatency =
        Timer.builder("gateway.forward.latency")
            .description("From the message's arrival at the gateway to it stored in Kinesis")
            .publishPercentileHistogram()
            .register(registry);
    for (RejectReason reason : RejectReason.values()) {
      rejected.put(reason, registry.counter("gateway.messages.rejected", "reason", reason.name()));
    }
  }

  public void received() {
    received.increment();
  }

  /** A valid message is stored in Kinesis: how old its reading is, and how long the gateway took. */
  public void stored(Instant readAt, Instant receivedAt, Instant storedAt) {
    // Device clocks may run ahead (the validator allows some skew): a negative lag counts as zero.
    Duration lag = Duration.between(readAt, storedAt);
    endToEndLag.record(lag.isNegative() ? Duration.ZERO : lag);
    gatewayLatency.record(Duration.between(receivedAt, storedAt));
  }

  public void rejected(RejectReason reason) {
    rejected.get(reason).increment();
  }

  public double rejectedCount(RejectReason reason) {
    return rejected.get(reason).count();
  }

  public double deadLetteredCount() {
    return deadLettered.count();
  }

  /**
   * What the dead-letter writer reports: stored messages count as dead-lettered (not forwarded);
   * refused and retried Kinesis records are counted together with the telemetry stream's.
   */
  public WriterMetrics deadLetterWriter() {
    IngestMetrics self = this;
    return new WriterMetrics() {
      @Override
      public void batch(int messages, int records) {}

      @Override
      public void forwarded(int messages) {
        deadLettered.increment(messages);
      }

      @Override
      public void recordRefused(String errorCode) {
        self.recordRefused(errorCode);
      }

      @Override
      public void retried(int records) {
        self.retried(records);
      }
    };
  }

  public double forwardedCount() {
    return forwarded.count();
  }

  @Override
  public void batch(int messages, int records) {
    batchMessages.record(messages);
    batchRecords.record(records);
  }

  @Override
  public void forwarded(int messages) {
    forwarded.increment(messages);
  }

  @Override
  public void recordRefused(String errorCode) {
    registry.counter("gateway.kinesis.records.refused", "error", errorCode).increment();
  }

  @Override
  public void retried(int records) {
    retried.increment(records);
  }
}
