package io.smartbuilding.api.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smartbuilding.api.pagination.Page;
import io.smartbuilding.api.problem.ProblemException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AlertListCacheTest {

  private static final Duration TTL = Duration.ofSeconds(1);
  private static final AlertFilter OPEN_HQ = filter("hq", "open", "50");

  private final AtomicLong now = new AtomicLong(1_000);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AlertListCache cache = new AlertListCache(true, TTL, 8, now::get, registry);
  private final AtomicInteger reads = new AtomicInteger();
  private final ExecutorService pool = Executors.newFixedThreadPool(8);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void concurrentIdenticalRequestsShareOneRead() throws Exception {
    CountDownLatch readStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Supplier<Page<Alert>> slowRead =
        () -> {
          readStarted.countDown();
          await(release);
          return page("read " + reads.incrementAndGet());
        };
    List<Future<Page<Alert>>> answers = new ArrayList<>();
    answers.add(pool.submit(() -> cache.firstPage("hq", OPEN_HQ, slowRead)));
    assertThat(readStarted.await(10, TimeUnit.SECONDS)).isTrue();
    for (int i = 0; i < 7; i++) {
      answers.add(pool.submit(() -> cache.firstPage("hq", OPEN_HQ, slowRead)));
    }
    // The seven latecomers are waiting on the first read: they were counted as hits on arrival.
    awaitCount("hit", 7);
    release.countDown();

    for (Future<Page<Alert>> answer : answers) {
      assertThat(answer.get(10, TimeUnit.SECONDS).nextCursor()).isEqualTo("read 1");
    }
    assertThat(reads).hasValue(1);
    assertThat(count("miss")).isEqualTo(1);
  }

  @Test
  void servesTheCachedPageUntilTheTtlEnds() {
    assertThat(cache.firstPage("hq", OPEN_HQ, this::read).nextCursor()).isEqualTo("read 1");
    now.addAndGet(TTL.toNanos() - 1);
    assertThat(cache.firstPage("hq", OPEN_HQ, this::read).nextCursor()).isEqualTo("read 1");
    now.addAndGet(1);
    assertThat(cache.firstPage("hq", OPEN_HQ, this::read).nextCursor()).isEqualTo("read 2");
    assertThat(reads).hasValue(2);
  }

  @Test
  void anActionOnTheBuildingDropsItsPagesOnly() {
    AlertFilter allHq = filter("hq", null, "50");
    AlertFilter openTower = filter("tower", "open", "50");
    cache.firstPage("hq", OPEN_HQ, this::read);
    cache.firstPage("hq", allHq, this::read);
    cache.firstPage("tower", openTower, this::read);

    cache.invalidate("hq");

    assertThat(cache.firstPage("hq", OPEN_HQ, this::read).nextCursor()).isEqualTo("read 4");
    assertThat(cache.firstPage("hq", allHq, this::read).nextCursor()).isEqualTo("read 5");
    assertThat(cache.firstPage("tower", openTower, this::read).nextCursor()).isEqualTo("read 3");
  }

  @Test
  void keysOnEveryFilterAndTheLimit() {
    cache.firstPage("hq", OPEN_HQ, this::read);
    cache.firstPage("hq", filter("hq", "open", "20"), this::read);
    cache.firstPage("hq", filter("hq", "open,acknowledged", "50"), this::read);
    cache.firstPage("hq", OPEN_HQ, this::read);
    assertThat(reads).hasValue(3);
  }

  @Test
  void aFailedReadIsNotKept() {
    assertThatThrownBy(
            () ->
                cache.firstPage(
                    "hq",
                    OPEN_HQ,
                    () -> {
                      throw ProblemException.notFound("dynamo down");
                    }))
        .isInstanceOf(ProblemException.class);
    assertThat(cache.firstPage("hq", OPEN_HQ, this::read).nextCursor()).isEqualTo("read 1");
  }

  @Test
  void readsThroughWhenFullAndDropsExpiredPages() {
    for (int limit = 1; limit <= 8; limit++) {
      cache.firstPage("hq", filter("hq", "open", "" + limit), this::read);
    }
    cache.firstPage("hq", filter("hq", "open", "9"), this::read);
    assertThat(count("bypass")).isEqualTo(1);
    assertThat(cache.size()).isEqualTo(8);

    now.addAndGet(TTL.toNanos());
    cache.firstPage("hq", OPEN_HQ, this::read);
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void offReadsEveryTime() {
    AlertListCache off = new AlertListCache(false, TTL, 8, now::get, registry);
    off.firstPage("hq", OPEN_HQ, this::read);
    off.firstPage("hq", OPEN_HQ, this::read);
    assertThat(reads).hasValue(2);
  }

  private Page<Alert> read() {
    return page("read " + reads.incrementAndGet());
  }

  /** The cursor field tells the reads apart. */
  private static Page<Alert> page(String marker) {
    return new Page<>(List.of(), marker);
  }

  private static AlertFilter filter(String building, String status, String limit) {
    return AlertFilter.parse(building, null, status, null, null, null, null, limit);
  }

  private double count(String result) {
    return registry.get("smartbuilding.api.alert.list.cache").tag("result", result).counter().count();
  }

  private void awaitCount(String result, int expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (count(result) < expected && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(count(result)).isEqualTo(expected);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
