package io.smartbuilding.api.alert.stream;

import static io.restassured.RestAssured.given;
import static io.smartbuilding.api.testing.StoredItems.alert;
import static io.smartbuilding.api.testing.TestTokens.AUTHORIZATION;
import static io.smartbuilding.contracts.alert.AlertStatus.OPEN;
import static io.smartbuilding.contracts.alert.AlertType.OVERHEAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smartbuilding.api.security.Role;
import io.smartbuilding.api.testing.DynaliteResource;
import io.smartbuilding.api.testing.TestTables;
import io.smartbuilding.api.testing.TestTokens;
import io.smartbuilding.contracts.tables.AlertTable;
import io.smartbuilding.contracts.tables.StoredTime;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A phone watching a building receives the alert changes written to the table, and only those. */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
class AlertStreamIT {

  private static final Instant T0 = Instant.parse("2025-03-01T08:00:00.250Z");
  private static final String HQ_ALERT =
      AlertTable.alertId("ahu-01", "OVERHEAT", T0.toEpochMilli());
  private static final String TOWER_ALERT =
      AlertTable.alertId("ch-01", "OVERHEAT", T0.toEpochMilli());
  private static final Duration PATIENCE = Duration.ofSeconds(15);

  @TestHTTPResource("/api/v1/buildings/hq-berlin/alerts/stream")
  URL hqStream;

  @Inject TestTables tables;
  @Inject DynamoDbClient dynamo;
  @Inject AlertStreams streams;

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<CompletableFuture<?>> open = new ArrayList<>();
  private final List<InputStream> bodies = new CopyOnWriteArrayList<>();

  @BeforeEach
  void seed() {
    tables.clear();
    tables.putAlerts(
        List.of(
            alert("ahu-01", "hq-berlin", OVERHEAT, OPEN, T0),
            alert("ch-01", "tower-b", OVERHEAT, OPEN, T0)));
  }

  /** Closes every response body, which closes the connection, then stops the readers. */
  @AfterEach
  void hangUp() {
    for (InputStream body : bodies) {
      try {
        body.close();
      } catch (IOException e) {
        // already closed
      }
    }
    bodies.clear();
    open.forEach(f -> f.cancel(true));
  }

  @Test
  void pushesAChangeAnalyticsWritesToTheTable() throws Exception {
    BlockingQueue<String> lines = connect(null);
    awaitLine(lines, ":connected");

    touch(TOWER_ALERT); // another building: must not arrive
    touch(HQ_ALERT);

    List<String> event = awaitEvent(lines);
    assertThat(event).contains("event:alert");
    assertThat(event).anyMatch(l -> l.startsWith("data:") && l.contains(HQ_ALERT));
    assertThat(event).anyMatch(l -> l.startsWith("id:"));
    assertThat(String.join("\n", event)).doesNotContain(TOWER_ALERT);
  }

  @Test
  void pushesAPersonsActionWithItsVersion() throws Exception {
    BlockingQueue<String> lines = connect(null);
    awaitLine(lines, ":connected");

    given()
        .header(AUTHORIZATION, TestTokens.technician("hq-berlin"))
        .header("If-Match", "\"0\"")
        .contentType("application/json")
        .body("{}")
        .post("/api/v1/alerts/{id}/acknowledge", HQ_ALERT)
        .then()
        .statusCode(200);

    List<String> event = awaitEvent(lines);
    String data = event.stream().filter(l -> l.startsWith("data:")).findFirst().orElseThrow();
    assertThat(data)
        .contains("\"status\":\"acknowledged\"")
        .contains("\"version\":1")
        .contains("\"acknowledgedBy\":\"theo.technician\"");
  }

  @Test
  void replaysChangesSinceLastEventIdOnReconnect() throws Exception {
    // Changed a minute ago, while the app was away: far behind the live polls' overlap, so only
    // the replay from Last-Event-ID can deliver it.
    Instant now = Instant.now();
    touch(HQ_ALERT, now.minusSeconds(60));

    BlockingQueue<String> lines = connect(StoredTime.format(now.minusSeconds(90)));

    List<String> event = awaitEvent(lines);
    assertThat(event).anyMatch(l -> l.startsWith("data:") && l.contains(HQ_ALERT));
  }

  @Test
  void sharesOneFeedAndFreesTheSlotsWhenClientsLeave() throws Exception {
    BlockingQueue<String> first = connect(null);
    BlockingQueue<String> second = connect(null);
    awaitLine(first, ":connected");
    awaitLine(second, ":connected");
    assertThat(streams.openStreams()).isGreaterThanOrEqualTo(2);

    touch(HQ_ALERT);
    assertThat(awaitEvent(first)).anyMatch(l -> l.contains(HQ_ALERT));
    assertThat(awaitEvent(second)).anyMatch(l -> l.contains(HQ_ALERT));

    hangUp();
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (streams.openStreams() > 0 && System.nanoTime() < deadline) {
      touch(HQ_ALERT); // a failed send is how a closed connection shows
      Thread.sleep(200);
    }
    assertThat(streams.openStreams()).isZero();
  }

  @Test
  void endsTheStreamWhenItsTokenExpires() throws Exception {
    String subject = "short.lived-" + UUID.randomUUID();
    String token =
        TestTokens.shortLived(subject, Role.VIEWER, Duration.ofSeconds(3), "hq-berlin");
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    CompletableFuture<?> reading = connect(token, null, lines);
    awaitLine(lines, ":connected");
    assertThat(streams.openStreamsOf(subject)).isEqualTo(1);

    // The server ends the response: the reader sees the end of the body.
    reading.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    assertThat(streams.openStreamsOf(subject)).isZero();
  }

  @Test
  void capsTheStreamsOfOneSubject() throws Exception {
    String token = TestTokens.bearer("many.phones", Role.VIEWER, "hq-berlin");
    for (int i = 0; i < 5; i++) {
      BlockingQueue<String> lines = new LinkedBlockingQueue<>();
      connect(token, null, lines);
      awaitLine(lines, ":connected");
    }

    given()
        .header(AUTHORIZATION, token)
        .get(hqStream.getPath())
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .header("Retry-After", "10")
        .body("type", equalTo("urn:smartbuilding:problem:too-many-streams"));
    // Another person is not affected.
    BlockingQueue<String> other = connect(null);
    awaitLine(other, ":connected");

    hangUp();
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (streams.openStreamsOf("many.phones") > 0 && System.nanoTime() < deadline) {
      touch(HQ_ALERT); // a failed send is how a closed connection shows
      Thread.sleep(200);
    }
    assertThat(streams.openStreamsOf("many.phones")).isZero();
  }

  /** Sets updatedAt (and lastSeenAt) the way analytics-job does; returns the time written. */
  private String touch(String alertId) {
    return touch(alertId, Instant.now());
  }

  private String touch(String alertId, Instant at) {
    String now = StoredTime.format(at);
    dynamo.updateItem(
        b ->
            b.tableName(AlertTable.DEFAULT_NAME)
                .key(Map.of(AlertTable.ALERT_ID, AttributeValue.fromS(alertId)))
                .updateExpression("SET #u = :now, #l = :now")
                .expressionAttributeNames(
                    Map.of("#u", AlertTable.UPDATED_AT, "#l", AlertTable.LAST_SEEN_AT))
                .expressionAttributeValues(Map.of(":now", AttributeValue.fromS(now))));
    return now;
  }

  /** A stream of a phone of its own (a subject of its own, so no test meets the subject cap). */
  private BlockingQueue<String> connect(String lastEventId) throws Exception {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    connect(
        TestTokens.bearer("phone-" + UUID.randomUUID(), Role.VIEWER, "hq-berlin", "tower-b"),
        lastEventId,
        lines);
    return lines;
  }

  /** Reads the stream's lines into {@code lines}; completes when the body ends. */
  private CompletableFuture<?> connect(
      String authorization, String lastEventId, BlockingQueue<String> lines) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(hqStream.toString()))
            .header("Accept", "text/event-stream")
            .header(AUTHORIZATION, authorization);
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    CompletableFuture<HttpResponse<InputStream>> response =
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    CompletableFuture<?> reading =
        response.thenAcceptAsync(
            r -> {
              assertThat(r.statusCode()).isEqualTo(200);
              bodies.add(r.body());
              try (BufferedReader reader =
                  new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                for (String l = reader.readLine(); l != null; l = reader.readLine()) {
                  lines.add(l.replaceFirst("^(\\w+): ", "$1:"));
                }
              } catch (IOException e) {
                // hung up by the test
              }
            });
    open.add(reading);
    open.add(response);
    return reading;
  }

  private static void awaitLine(BlockingQueue<String> lines, String wanted) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      String line = lines.poll(200, TimeUnit.MILLISECONDS);
      if (wanted.equals(line)) {
        return;
      }
    }
    throw new AssertionError("no line '" + wanted + "' within " + PATIENCE);
  }

  /** The lines of the next event named alert (up to its blank line). */
  private static List<String> awaitEvent(BlockingQueue<String> lines) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    List<String> event = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      String line = lines.poll(200, TimeUnit.MILLISECONDS);
      if (line == null) {
        continue;
      }
      if (line.isEmpty()) {
        if (event.contains("event:alert")) {
          return event;
        }
        event.clear();
      } else {
        event.add(line);
      }
    }
    throw new AssertionError("no alert event within " + PATIENCE + "; partial: " + event);
  }
}
