package io.smartbuilding.api.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smartbuilding.api.pagination.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A short-lived, request-coalescing cache of the first page of one building's alert list: many
 * phones refreshing the same "open alerts of hq-berlin" screen cost one DynamoDB read per TTL
 * instead of one each.
 *
 * <ul>
 *   <li>Keyed by building, every filter (the list's fingerprint) and limit. A building's alerts
 *       are the same for every caller allowed to see that building, and the caller's access to it
 *       is checked before the cache is asked, so no data crosses scopes.
 *   <li>Concurrent requests for a key that is being read wait for that one read instead of
 *       starting their own; a failed read is not kept (its waiters get the same error).
 *   <li>An entry is served until {@code ttl} after its read completed, or until an alert action of
 *       this replica on that building drops the building's entries. Other replicas' actions and
 *       analytics-job's writes show after at most the TTL.
 * </ul>
 */
@ApplicationScoped
public class AlertListCache {

  /** Everything that selects the page's content. */
  private record Key(String buildingId, String filters, int limit) {}

  /** A page being read (incomplete future) or read (with its expiry). */
  private static final class Entry {
    final CompletableFuture<Page<Alert>> page = new CompletableFuture<>();
    volatile long expiresAt;

    /** Never while being read: its waiters and newcomers share that read. */
    boolean expired(long now) {
      return page.isDone() && now - expiresAt >= 0;
    }
  }

  private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
  private final boolean enabled;
  private final long ttlNanos;
  private final int maxEntries;
  private final LongSupplier nanoTime;
  private final AtomicLong lastPurge;
  private final Counter hits;
  private final Counter misses;
  private final Counter bypasses;

  @Inject
  AlertListCache(AlertListCacheConfig config, MeterRegistry registry) {
    this(config.enabled(), config.ttl(), config.maxEntries(), System::nanoTime, registry);
  }

  AlertListCache(
      boolean enabled,
      Duration ttl,
      int maxEntries,
      LongSupplier nanoTime,
      MeterRegistry registry) {
    this.enabled = enabled && !ttl.isZero() && !ttl.isNegative() && maxEntries > 0;
    this.ttlNanos = ttl.toNanos();
    this.maxEntries = maxEntries;
    this.nanoTime = nanoTime;
    this.lastPurge = new AtomicLong(nanoTime.getAsLong());
    this.hits = counter(registry, "hit");
    this.misses = counter(registry, "miss");
    this.bypasses = counter(registry, "bypass");
  }

  /**
   * The first page of {@code buildingId}'s alerts under {@code filter}: cached, being read by
   * another request, or read now with {@code read}. The caller must have checked access to the
   * building.
   */
  public Page<Alert> firstPage(String buildingId, AlertFilter filter, Supplier<Page<Alert>> read) {
    if (!enabled) {
      return read.get();
    }
    long now = nanoTime.getAsLong();
    purgeExpired(now);
    Key key = new Key(buildingId, filter.fingerprint(), filter.limit());
    Entry cached = entries.get(key);
    if (cached == null && entries.size() >= maxEntries) {
      bypasses.increment();
      return read.get();
    }
    Entry mine = new Entry();
    Entry chosen = entries.compute(key, (k, old) -> old != null && !old.expired(now) ? old : mine);
    if (chosen != mine) {
      hits.increment();
      return await(chosen);
    }
    misses.increment();
    try {
      Page<Alert> page = read.get();
      // Before completing, so a waiter that reads the entry next sees its expiry.
      mine.expiresAt = nanoTime.getAsLong() + ttlNanos;
      mine.page.complete(page);
      return page;
    } catch (RuntimeException | Error e) {
      entries.remove(key, mine);
      mine.page.completeExceptionally(e);
      throw e;
    }
  }

  /**
   * Drops the building's pages, including one being read: the next request reads again. Call it
   * after a write to one of the building's alerts has completed.
   */
  public void invalidate(String buildingId) {
    if (enabled && buildingId != null) {
      entries.keySet().removeIf(key -> key.buildingId().equals(buildingId));
    }
  }

  /** Pages held now (being read or read, expired ones until the next purge). */
  int size() {
    return entries.size();
  }

  /** At most once per TTL: expired pages would otherwise stay on the heap until reused. */
  private void purgeExpired(long now) {
    long last = lastPurge.get();
    if (now - last >= ttlNanos && lastPurge.compareAndSet(last, now)) {
      entries.values().removeIf(entry -> entry.expired(now));
    }
  }

  private static Page<Alert> await(Entry entry) {
    try {
      return entry.page.join();
    } catch (CompletionException e) {
      // The reading request's own exception (e.g. DynamoDB unavailable: 503), for its waiters too.
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static Counter counter(MeterRegistry registry, String result) {
    return Counter.builder("smartbuilding.api.alert.list.cache")
        .description("First pages of building alert lists: hit (cached or being read), miss (read"
            + " from DynamoDB), bypass (cache full)")
        .tag("result", result)
        .register(registry);
  }
}
