package io.smartbuilding.api.alert.stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smartbuilding.contracts.tables.StoredTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The open alert streams: one {@link BuildingAlertFeed} per watched building, polled on a small
 * scheduler while it has subscribers and dropped when the last one leaves, and a cap on streams
 * across all buildings. A building's feed costs one DynamoDB query per poll interval, whether one
 * phone watches it or a hundred.
 */
@ApplicationScoped
public class AlertStreams {

  private static final Logger LOG = Logger.getLogger(AlertStreams.class);

  /** Most changes a reconnecting client is replayed; it reloads the list beyond that. */
  private static final int MAX_REPLAYED = 1000;

  private final AlertChanges changes;
  private final StreamConfig config;
  private final Clock clock = Clock.systemUTC();
  private final Map<String, Watched> feeds = new ConcurrentHashMap<>();

  /** Reserved slots: subscribers of the feeds plus streams still being opened. */
  private final AtomicInteger open = new AtomicInteger();

  /** The same per token subject; subjects without streams are absent. */
  private final Map<String, Integer> perSubject = new ConcurrentHashMap<>();

  private final ScheduledExecutorService scheduler =
      Executors.newScheduledThreadPool(
          2,
          task -> {
            Thread thread = new Thread(task, "alert-stream-poller");
            thread.setDaemon(true);
            return thread;
          });

  private record Watched(BuildingAlertFeed feed, ScheduledFuture<?> polling) {}

  AlertStreams(AlertChanges changes, StreamConfig config, MeterRegistry registry) {
    this.changes = changes;
    this.config = config;
    Gauge.builder("smartbuilding.api.alert.streams", open, AtomicInteger::get)
        .description("Open alert event streams")
        .register(registry);
  }

  /** Takes one of the capped slots; false when all are taken and the stream must be refused. */
  public boolean tryReserve() {
    int now;
    do {
      now = open.get();
      if (now >= config.maxStreams()) {
        return false;
      }
    } while (!open.compareAndSet(now, now + 1));
    return true;
  }

  /** Gives back a slot taken by {@link #tryReserve} for a stream that did not start. */
  public void release() {
    open.decrementAndGet();
  }

  /**
   * Takes one of {@code subject}'s own slots, besides the shared one of {@link #tryReserve}; false
   * when the subject has {@link StreamConfig#maxStreamsPerSubject} streams open already.
   */
  public boolean tryReserveFor(String subject) {
    boolean[] granted = {false};
    perSubject.compute(
        subject,
        (s, count) -> {
          int now = count == null ? 0 : count;
          if (now >= config.maxStreamsPerSubject()) {
            return count;
          }
          granted[0] = true;
          return now + 1;
        });
    return granted[0];
  }

  /** Gives back a slot taken by {@link #tryReserveFor}. */
  public void releaseFor(String subject) {
    perSubject.computeIfPresent(subject, (s, count) -> count <= 1 ? null : count - 1);
  }

  /** Streams {@code subject} has open now. */
  public int openStreamsOf(String subject) {
    return perSubject.getOrDefault(subject, 0);
  }

  /**
   * Streams {@code buildingId}'s alert changes to {@code sink}, in the slots reserved by {@link
   * #tryReserve} and {@link #tryReserveFor}, until the client leaves or {@code tokenExpiresAt}.
   * With {@code lastEventId} (a reconnect), first replays the changes since then.
   */
  public void subscribe(
      String buildingId,
      Optional<String> lastEventId,
      SseEventSink sink,
      Sse sse,
      String subject,
      Instant tokenExpiresAt) {
    Subscriber subscriber = new Subscriber(sink, sse, subject, tokenExpiresAt);
    subscriber.hello(Math.max(1000, config.pollInterval().toMillis()));
    lastEventId.flatMap(this::resumeFrom).ifPresent(from -> replay(buildingId, from, subscriber));
    // Adding inside compute: a feed cannot retire between being found and being joined.
    feeds.compute(
        buildingId,
        (id, watched) -> {
          Watched live = watched != null ? watched : start(id);
          live.feed().add(subscriber);
          return live;
        });
  }

  /** Streams open now, for tests and the gauge. */
  public int openStreams() {
    return open.get();
  }

  private Watched start(String buildingId) {
    BuildingAlertFeed feed =
        new BuildingAlertFeed(
            buildingId, changes, clock, config.overlap(), config.heartbeatInterval());
    long period = config.pollInterval().toMillis();
    ScheduledFuture<?> polling =
        scheduler.scheduleWithFixedDelay(
            () -> pollOrRetire(buildingId), period, period, TimeUnit.MILLISECONDS);
    return new Watched(feed, polling);
  }

  /**
   * One scheduled run. Never throws: the scheduler silently cancels a task that throws, and the
   * building's streams would stay open without another event.
   */
  void pollOrRetire(String buildingId) {
    try {
      pollOrRetireUnguarded(buildingId);
    } catch (Throwable e) {
      LOG.errorf(e, "alert stream of building %s: poll failed, retrying next interval", buildingId);
    }
  }

  private void pollOrRetireUnguarded(String buildingId) {
    Watched watched = feeds.get(buildingId);
    if (watched == null) {
      return;
    }
    watched.feed().poll();
    feeds.computeIfPresent(
        buildingId,
        (id, w) -> {
          releaseAll(w.feed().removeClosed());
          if (w.feed().hasSubscribers()) {
            return w;
          }
          w.polling().cancel(false);
          return null;
        });
  }

  private void releaseAll(List<Subscriber> gone) {
    open.addAndGet(-gone.size());
    gone.forEach(s -> releaseFor(s.subject()));
  }

  private Optional<Instant> resumeFrom(String lastEventId) {
    try {
      Instant requested = StoredTime.parse(lastEventId.strip());
      Instant oldest = clock.instant().minus(config.maxReplay());
      return Optional.of(requested.isBefore(oldest) ? oldest : requested);
    } catch (DateTimeParseException e) {
      return Optional.empty(); // not an id of ours: stream from now on
    }
  }

  private void replay(String buildingId, Instant from, Subscriber subscriber) {
    try {
      changes
          .since(buildingId, StoredTime.format(from))
          .limit(MAX_REPLAYED)
          .forEach(subscriber::send);
    } catch (RuntimeException e) {
      LOG.warnf("alert stream of building %s: replay failed: %s", buildingId, e.toString());
    }
  }

  void onStop(@Observes ShutdownEvent stop) {
    scheduler.shutdownNow();
    feeds.values().forEach(w -> releaseAll(w.feed().closeAll()));
    feeds.clear();
  }
}
