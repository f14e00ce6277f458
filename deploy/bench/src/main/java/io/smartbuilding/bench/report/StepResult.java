package io.smartbuilding.bench.report;

import java.util.List;

/**
 * What one rate step measured. Rates are messages per second over the step's publishing window;
 * latencies are publish -> readable through the API, in milliseconds (-1 without samples).
 *
 * @param offeredRate the rate the publisher was asked for
 * @param publishedRate what the publisher got out (client accepted the publish)
 * @param failed sends of the step that failed: refused by the client (not connected, not
 *     published) or published but never acknowledged
 * @param skipped sends of the step skipped because the publisher was more than a second behind
 * @param acceptedRate what the gateway stored in Kinesis (its forwarded counter)
 * @param acked messages the broker acknowledged (QoS 1) since the start, warm-up included
 * @param drained whether the drain after the step caught up within its time
 * @param lost the step's acknowledged messages not in the Kinesis stream; settled after a drain
 *     that caught up, or at the final audit; -1 while not settled
 * @param duplicates extra copies in the stream (at-least-once; not a loss)
 * @param staleDevices load devices whose health item (through the API) did not show their last
 *     acknowledged seq after the drain: the job lost or has not written it (-1: not checked,
 *     the drain did not catch up)
 * @param latencySamples probe readings published in the step (each one gives a sample)
 * @param latencyCensored of them, readings not readable by the end of the drain: their sample is
 *     end of drain - publish, a lower bound
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
    long failed,
    long skipped,
    long acked,
    boolean drained,
    long lost,
    long duplicates,
    int staleDevices,
    int latencySamples,
    int latencyCensored,
    long p50Ms,
    long p95Ms,
    long p99Ms,
    double lagEndSeconds,
    double lagSlope,
    long brokerBacklog,
    double machineBusyCores,
    List<ProcessUsage> processes,
    Verdict verdict) {

  /**
   * The same step with its loss settled at the final audit; a loss makes it not sustained (if it
   * was not already).
   */
  public StepResult withSettledLoss(long settled) {
    Verdict v = verdict;
    if (settled > 0) {
      List<String> reasons = new java.util.ArrayList<>(verdict.reasons());
      reasons.add(String.format("lost %d messages (final audit)", settled));
      v = new Verdict(false, reasons, verdict.bottleneck());
    }
    return new StepResult(
        offeredRate,
        seconds,
        publishedRate,
        acceptedRate,
        failed,
        skipped,
        acked,
        drained,
        settled,
        duplicates,
        staleDevices,
        latencySamples,
        latencyCensored,
        p50Ms,
        p95Ms,
        p99Ms,
        lagEndSeconds,
        lagSlope,
        brokerBacklog,
        machineBusyCores,
        processes,
        v);
  }

  public double totalStackCores() {
    return processes.stream().mapToDouble(ProcessUsage::cpuCores).sum();
  }
}
