package io.smartbuilding.bench.report;

import java.util.List;

/**
 * What one rate step measured. Rates are messages per second over the step's publishing window;
 * latencies are publish -> readable through the API, in milliseconds (-1 without samples).
 *
 * @param offeredRate the rate the publisher was asked for
 * @param publishedRate what the publisher got out (client accepted the publish)
 * @param acceptedRate what the gateway stored in Kinesis (its forwarded counter)
 * @param acked messages the broker acknowledged (QoS 1) since the start, warm-up included
 * @param lost acknowledged messages not in the Kinesis stream after the drain
 * @param duplicates extra copies in the stream (at-least-once; not a loss)
 * @param staleDevices load devices whose health item (through the API) did not show their last
 *     acknowledged seq after the drain: the job lost or has not written it
 * @param lagEndSeconds age of the newest probe reading readable through the API, at the end
 * @param lagSlope growth of that age in seconds per second over the step (0 = steady)
 * @param brokerBacklog messages acknowledged by the broker but not yet received by the gateway at
 *     the end of the publishing window
 * @param machineBusyCores busy cores of the whole machine (other work included), from /proc/stat
 */
public record StepResult(
    int offeredRate,
    int seconds,
    double publishedRate,
    double acceptedRate,
    long acked,
    long lost,
    long duplicates,
    int staleDevices,
    int latencySamples,
    long p50Ms,
    long p95Ms,
    long p99Ms,
    double lagEndSeconds,
    double lagSlope,
    long brokerBacklog,
    double machineBusyCores,
    List<ProcessUsage> processes,
    Verdict verdict) {

  public double totalStackCores() {
    return processes.stream().mapToDouble(ProcessUsage::cpuCores).sum();
  }
}
