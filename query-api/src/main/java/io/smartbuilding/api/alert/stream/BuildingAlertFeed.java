package io.smartbuilding.api.alert.stream;

import io.smartbuilding.api.alert.Alert;
import io.smartbuilding.contracts.tables.StoredTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.logging.Logger;

/**
 * The alert changes of one building, read once per poll for all of its subscribers. It remembers
 * the newest updatedAt it has seen (the watermark) and re-reads a short overlap behind it each
 * time; the version and updatedAt of each alert seen in that window keep a change from being sent
 * twice.
 */
final class BuildingAlertFeed {

  private static final Logger LOG = Logger.getLogger(BuildingAlertFeed.class);

  private final String buildingId;
  private final AlertChanges changes;
  private final Clock clock;
  private final Duration overlap;
  private final Duration heartbeat;
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

  /** alertId -> "updatedAt/version" last sent, for alerts changed within the overlap window. */
  private final Map<String, String> sent = new HashMap<>();

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

  /** Drops the subscribers whose client went away; how many it dropped. */
  int removeClosed() {
    int before = subscribers.size();
    subscribers.removeIf(s -> !s.isOpen());
    return before - subscribers.size();
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
      Instant from = watermark.minus(overlap);
      Instant newest = watermark;
      for (Alert alert : changes.since(buildingId, StoredTime.format(from)).toList()) {
        if (alert.updatedAt() == null) {
          continue;
        }
        String mark = StoredTime.format(alert.updatedAt()) + "/" + alert.version();
        if (mark.equals(sent.put(alert.alertId(), mark))) {
          continue;
        }
        subscribers.forEach(s -> s.send(alert));
        if (alert.updatedAt().isAfter(newest)) {
          newest = alert.updatedAt();
        }
      }
      watermark = newest;
      Instant forgetBefore = watermark.minus(overlap);
      sent.values()
          .removeIf(
              mark ->
                  StoredTime.parse(mark.substring(0, mark.indexOf('/'))).isBefore(forgetBefore));
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

  /** Closes every stream; how many there were. */
  int closeAll() {
    int count = subscribers.size();
    subscribers.forEach(Subscriber::close);
    subscribers.clear();
    return count;
  }
}
