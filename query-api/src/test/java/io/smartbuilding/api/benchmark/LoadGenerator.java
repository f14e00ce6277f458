package io.smartbuilding.api.benchmark;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Drives one kind of request. Open loop: requests start on a fixed schedule whatever the answers
 * do, and each latency is counted from the scheduled start, so a stall shows as the queue it causes
 * (no coordinated omission). Closed loop: N workers send back to back, for peak throughput.
 */
final class LoadGenerator {

  /** One request; completes with true when the answer was right. */
  interface Request extends IntFunction<CompletableFuture<Boolean>> {}

  record Result(Latencies latencies, double seconds) {
    double throughput() {
      return latencies.count() / seconds;
    }
  }

  private LoadGenerator() {}

  static Result openLoop(Request request, int perSecond, int seconds) throws InterruptedException {
    int total = perSecond * seconds;
    Latencies latencies = new Latencies(total);
    long intervalNanos = 1_000_000_000L / perSecond;
    long start = System.nanoTime() + 10_000_000;
    CompletableFuture<?>[] pending = new CompletableFuture<?>[total];
    for (int i = 0; i < total; i++) {
      long due = start + i * intervalNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      pending[i] =
          request
              .apply(i)
              .handle(
                  (ok, failure) -> {
                    latencies.record(System.nanoTime() - due, failure == null && ok);
                    return null;
                  });
    }
    CompletableFuture.allOf(pending).join();
    return new Result(latencies, (System.nanoTime() - start) / 1e9);
  }

  static Result closedLoop(
      Supplier<ExecutorService> workers, Request request, int concurrency, int seconds)
      throws InterruptedException {
    Latencies latencies = new Latencies(2_000_000);
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong sequence = new AtomicLong();
    ExecutorService pool = workers.get();
    long start = System.nanoTime();
    for (int w = 0; w < concurrency; w++) {
      pool.submit(
          () -> {
            while (running.get()) {
              long sent = System.nanoTime();
              boolean ok;
              try {
                ok = request.apply((int) sequence.getAndIncrement()).join();
              } catch (RuntimeException e) {
                ok = false;
              }
              latencies.record(System.nanoTime() - sent, ok);
            }
          });
    }
    TimeUnit.SECONDS.sleep(seconds);
    running.set(false);
    pool.shutdown();
    pool.awaitTermination(30, TimeUnit.SECONDS);
    return new Result(latencies, (System.nanoTime() - start) / 1e9);
  }
}
