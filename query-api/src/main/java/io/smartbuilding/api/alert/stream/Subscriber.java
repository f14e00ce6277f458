package io.smartbuilding.api.alert.stream;

import io.smartbuilding.api.alert.Alert;
import io.smartbuilding.contracts.tables.StoredTime;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;

/** One open stream: a client's event sink and what it has been sent. */
final class Subscriber {

  static final String EVENT_NAME = "alert";

  private final SseEventSink sink;
  private final Sse sse;
  private final String subject;
  private final Instant tokenExpiresAt;
  private volatile boolean failed;

  /**
   * {@code tokenExpiresAt}: the stream ends then, as every other request of that token would be
   * refused from then on; the client reconnects with a fresh token and Last-Event-ID.
   */
  Subscriber(SseEventSink sink, Sse sse, String subject, Instant tokenExpiresAt) {
    this.sink = sink;
    this.sse = sse;
    this.subject = subject;
    this.tokenExpiresAt = tokenExpiresAt;
  }

  String subject() {
    return subject;
  }

  boolean isOpen() {
    return !failed && !sink.isClosed();
  }

  boolean tokenExpired(Instant now) {
    return !now.isBefore(tokenExpiresAt);
  }

  /** An alert change; the id (its updatedAt) lets a reconnecting client resume. */
  void send(Alert alert) {
    send(
        sse.newEventBuilder()
            .name(EVENT_NAME)
            .id(StoredTime.format(alert.updatedAt()))
            .mediaType(MediaType.APPLICATION_JSON_TYPE)
            .data(Alert.class, alert)
            .build());
  }

  void comment(String text) {
    send(sse.newEventBuilder().comment(text).build());
  }

  /** Tells the client how long to wait before reconnecting, with a comment to open the stream. */
  void hello(long reconnectDelayMillis) {
    send(sse.newEventBuilder().comment("connected").reconnectDelay(reconnectDelayMillis).build());
  }

  void close() {
    try {
      sink.close();
    } catch (RuntimeException e) {
      // Already gone: nothing to release.
    }
  }

  private void send(OutboundSseEvent event) {
    if (!isOpen()) {
      return;
    }
    try {
      sink.send(event)
          .whenComplete(
              (ok, error) -> {
                if (error != null) {
                  failed = true;
                }
              });
    } catch (RuntimeException e) {
      failed = true;
    }
  }
}
