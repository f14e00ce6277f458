package io.smartbuilding.api.alert.stream;

import io.smartbuilding.api.alert.Alert;
import io.smartbuilding.contracts.tables.StoredTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.logging.Logger;

/**
 * The alert changes of one building, read once per poll for all of its subscribers. Each poll reads
 * the changes stamped since the previous successful poll began, by this API's own clock (the
 * watermark), minus a short overlap: the updatedAt of an item comes from whichever writer changed
 * it (analytics-job or an API replica), so the newest updatedAt seen says nothing about this
 * clock, and one writer's clock running ahead would otherwise hide the other's changes. The alertId and
 * updatedAt of each change sent within the overlap keep it from being sent twice.
 */
final class BuildingAlertFeed {

  private static final Logger LOG = Logger.getLogger(BuildingAlertFeed.class);

  private final String buildingId;
  private final AlertChanges changes;
  private final Clock clock;
  private final Duration overlap;
  private final Duration heartbeat;
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

  /** alertId -> updatedAt last sent, for alerts changed within the overlap window. */
  private final Map<String, Instant> sent = new HashMap<>();

  private Instant watermark;
  private Instant lastHeartbeat;

  BuildingAlertFeed(
      String buildingId, AlertChanges changes, Clock clock, Duration overlap, Duration heartbeat) {
    this.buildingId = buildingId;
    this.changes = changes;
    this.clock = clock;
    this.overlap = overlap;
    this.heartbeat = heartbeat;
    this.watermark = clock.instant();
    this.lastHeartbeat = clock.instant();
  }

  String buildingId() {
    return buildingId;
  }

  void add(Subscriber subscriber) {
    subscribers.add(subscriber);
  }

  /**
   * Drops the subscribers whose client went away, closing those whose token has expired; the
   * dropped ones.
   */
  List<Subscriber> removeClosed() {
    Instant now = clock.instant();
    List<Subscriber> dropped = new ArrayList<>();
    for (Subscriber subscriber : subscribers) {
      boolean expired = subscriber.tokenExpired(now);
      if (expired || !subscriber.isOpen()) {
        if (expired) {
          subscriber.close();
        }
        dropped.add(subscriber);
      }
    }
    subscribers.removeAll(dropped);
    return dropped;
  }

  boolean hasSubscribers() {
    return !subscribers.isEmpty();
  }

  /** One poll: called by a single scheduler thread at a time for this feed. */
  synchronized void poll() {
    if (subscribers.isEmpty()) {
      return;
    }
    try {
      Instant pollStart = clock.instant();
      Instant from = watermark.minus(overlap);
      for (Alert alert : changes.since(buildingId, StoredTime.format(from)).toList()) {
        if (alert.updatedAt() == null) {
          continue;
        }
        if (alert.updatedAt().equals(sent.put(alert.alertId(), alert.updatedAt()))) {
          continue;
        }
        subscribers.forEach(s -> s.send(alert));
      }
      watermark = pollStart;
      // The next poll reads from here on; older marks cannot match anything it reads.
      Instant forgetBefore = watermark.minus(overlap);
      sent.values().removeIf(updatedAt -> updatedAt.isBefore(forgetBefore));
    } catch (RuntimeException e) {
      // DynamoDB away or throttling: the next poll reads the same window again.
      LOG.warnf("alert stream of building %s: poll failed: %s", buildingId, e.toString());
    }
    Instant now = clock.instant();
    if (Duration.between(lastHeartbeat, now).compareTo(heartbeat) >= 0) {
      lastHeartbeat = now;
      subscribers.forEach(s -> s.comment("heartbeat"));
    }
  }

  /** Closes every stream; the closed ones. */
  List<Subscriber> closeAll() {
    List<Subscriber> closed = List.copyOf(subscribers);
    closed.forEach(Subscriber::close);
    subscribers.clear();
    return closed;
  }
}
