package io.smartbuilding.analytics.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

import io.smartbuilding.analytics.Readings;
import io.smartbuilding.analytics.alert.Alert;
import io.smartbuilding.analytics.alert.Sample;
import io.smartbuilding.contracts.alert.AlertType;
import io.smartbuilding.contracts.alert.Severity;
import io.smartbuilding.contracts.tables.AlertTable;
import io.smartbuilding.contracts.telemetry.Telemetry;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.streaming.runtime.tasks.TestProcessingTimeService;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** The alert sink's update requests and its writer's buffering, ordering, retries and failures. */
class AlertTableSinkTest {

  private static final Instant NOW = Instant.parse("2026-11-25T09:00:00.250Z");
  private static final Telemetry READING =
      Readings.reading(
          "b1-f3-ahu-01", 12, Instant.parse("2026-11-25T08:15:31Z"), Map.of("temperatureC", 71.5));

  @Test
  void anOpenAlertSetsItsConditionAndOnlyDefaultsTheStatus() {
    UpdateItemRequest update = AlertUpdate.of("alerts", overheat(71.5));
    Map<String, AttributeValue> set = assignments(update);

    assertThat(update.tableName()).isEqualTo("alerts");
    assertThat(update.key())
        .isEqualTo(Map.of(AlertTable.ALERT_ID, fromS("b1-f3-ahu-01#OVERHEAT#1795594531000")));
    assertThat(set)
        .containsEntry(AlertTable.DEVICE_ID, fromS("b1-f3-ahu-01"))
        .containsEntry(AlertTable.BUILDING_ID, fromS("b1"))
        .containsEntry(AlertTable.FLOOR, fromN("3"))
        .containsEntry(AlertTable.ZONE, fromS("f3-west"))
        .containsEntry(AlertTable.DEVICE_TYPE, fromS("AIR_HANDLER"))
        .containsEntry(AlertTable.TYPE, fromS("OVERHEAT"))
        .containsEntry(AlertTable.RULE_ID, fromS("OVERHEAT"))
        .containsEntry(AlertTable.METRIC, fromS("temperatureC"))
        .containsEntry(AlertTable.SEVERITY, fromS("CRITICAL"))
        .containsEntry(AlertTable.MESSAGE, fromS("temperatureC 71.5 above limit 60"))
        .containsEntry(AlertTable.OPENED_AT, fromS("2026-11-25T08:15:31.000Z"))
        .containsEntry(AlertTable.LAST_SEEN_AT, fromS("2026-11-25T08:15:31.000Z"))
        .containsEntry(AlertTable.PEAK_VALUE, fromN("71.5"))
        .containsEntry(AlertTable.LIMIT, fromN("60"))
        .containsEntry(AlertTable.UPDATED_AT, fromS("2026-11-25T09:00:00.250Z"))
        .doesNotContainKeys(
            AlertTable.STATUS,
            AlertTable.RESOLVED_AT,
            AlertTable.PREDICTED_AT,
            AlertTable.ACKNOWLEDGED_BY,
            AlertTable.ACTIONS,
            AlertTable.VERSION);
    assertThat(set.get(AlertTable.EVIDENCE).m().get("rule").s()).isEqualTo("OVERHEAT: above 60");
    assertThat(set.get(AlertTable.EVIDENCE).m().get("readings").l())
        .singleElement()
        .isEqualTo(
            AttributeValue.fromM(
                Map.of("ts", fromS("2026-11-25T08:15:31.000Z"), "value", fromN("71.5"))));
    assertThat(update.updateExpression()).contains("#status = if_not_exists(#status, :open)");
    assertThat(update.expressionAttributeValues()).containsEntry(":open", fromS("open"));
  }

  @Test
  void aResolvedAlertSetsResolvedAndKeepsAnEarlierResolvedAt() {
    UpdateItemRequest update =
        AlertUpdate.of(
            "alerts", overheat(71.5).resolved(Instant.parse("2026-11-25T08:20:00Z"), NOW));

    assertThat(update.updateExpression())
        .contains("#status = :resolved", "#resolvedAt = if_not_exists(#resolvedAt, :resolvedAt)");
    assertThat(update.expressionAttributeValues())
        .containsEntry(":resolved", fromS("resolved"))
        .containsEntry(":resolvedAt", fromS("2026-11-25T08:20:00.000Z"));
    assertThat(update.expressionAttributeNames())
        .containsEntry("#status", "status")
        .containsEntry("#resolvedAt", "resolvedAt");
  }

  @Test
  void writesTheLatestVersionOfEachAlertOnceInArrivalOrderWhenFlushed() throws Exception {
    FakeDynamoDb dynamo = new FakeDynamoDb();
    TestProcessingTimeService time = new TestProcessingTimeService();
    AlertTableWriter writer = writer(dynamo, time, 100, AlertTableSink.Backoff.DEFAULT);
    Alert a = overheat(61);
    Alert b = Alert.offline(READING, Duration.ofSeconds(60), NOW);

    writer.write(a, null);
    writer.write(b, null);
    writer.write(a.seen(a.lastSeenAt(), "m", 65.0, 60.0, List.of(), NOW), null);
    writer.write(a.resolved(NOW, NOW), null);
    assertThat(dynamo.updates).isEmpty();

    writer.flush(false); // what Flink calls before every checkpoint

    assertThat(dynamo.updates)
        .extracting(u -> u.key().get(AlertTable.ALERT_ID).s())
        .containsExactly(a.alertId(), b.alertId());
    assertThat(dynamo.updates.get(0).updateExpression()).contains("#status = :resolved");
    writer.flush(false);
    assertThat(dynamo.updates).hasSize(2);
  }

  @Test
  void writesAtTheLatestAfterTheMaxDelayOrWhenTheBufferIsFull() throws Exception {
    FakeDynamoDb dynamo = new FakeDynamoDb();
    TestProcessingTimeService time = new TestProcessingTimeService();
    time.setCurrentTime(1000);
    AlertTableWriter writer = writer(dynamo, time, 3, AlertTableSink.Backoff.DEFAULT);

    writer.write(overheat(61), null);
    time.setCurrentTime(1499);
    assertThat(dynamo.updates).isEmpty();
    time.setCurrentTime(1500);
    assertThat(dynamo.updates).hasSize(1);

    for (int i = 0; i < 3; i++) {
      writer.write(Alert.offline(READING, Duration.ofSeconds(60 + i), NOW), null);
    }
    assertThat(dynamo.updates).hasSize(4);
  }

  @Test
  void retriesThrottlingAndServerErrorsThenSucceeds() throws Exception {
    FakeDynamoDb dynamo = new FakeDynamoDb();
    dynamo.failures.add(
        ProvisionedThroughputExceededException.builder()
            .awsErrorDetails(
                AwsErrorDetails.builder()
                    .errorCode("ProvisionedThroughputExceededException")
                    .build())
            .statusCode(400)
            .build());
    dynamo.failures.add(DynamoDbException.builder().statusCode(503).message("busy").build());
    AlertTableWriter writer = writer(dynamo, new TestProcessingTimeService(), 100, fastBackoff(5));

    writer.write(overheat(61), null);
    writer.flush(false);

    assertThat(dynamo.attempts).isEqualTo(3);
    assertThat(dynamo.updates).hasSize(1);
  }

  @Test
  void failsWhenTheErrorPersistsOrCannotBeRetried() {
    FakeDynamoDb busy = new FakeDynamoDb();
    for (int i = 0; i < 10; i++) {
      busy.failures.add(DynamoDbException.builder().statusCode(500).message("down").build());
    }
    AlertTableWriter persistent =
        writer(busy, new TestProcessingTimeService(), 100, fastBackoff(3));
    FakeDynamoDb invalid = new FakeDynamoDb();
    invalid.failures.add(
        ResourceNotFoundException.builder()
            .awsErrorDetails(
                AwsErrorDetails.builder().errorCode("ResourceNotFoundException").build())
            .statusCode(400)
            .message("no such table")
            .build());
    AlertTableWriter rejected =
        writer(invalid, new TestProcessingTimeService(), 100, fastBackoff(3));

    assertThatThrownBy(
            () -> {
              persistent.write(overheat(61), null);
              persistent.flush(false);
            })
        .isInstanceOf(IOException.class)
        .hasMessageContaining("attempt 3");
    assertThat(busy.attempts).isEqualTo(3);
    assertThatThrownBy(
            () -> {
              rejected.write(overheat(61), null);
              rejected.flush(false);
            })
        .isInstanceOf(IOException.class)
        .hasMessageContaining("attempt 1");
  }

  @Test
  void skipsAnAlertDynamoDbRejectsAndWritesTheOthers() throws Exception {
    FakeDynamoDb dynamo = new FakeDynamoDb();
    dynamo.failures.add(
        DynamoDbException.builder()
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("ValidationException").build())
            .statusCode(400)
            .message("Number overflow")
            .build());
    CountingMetrics metrics = new CountingMetrics();
    AlertTableWriter writer =
        new AlertTableWriter(
            dynamo, "alerts", new TestProcessingTimeService(), 500, 100, fastBackoff(5), metrics);
    Alert bad = overheat(61);
    Alert good = Alert.offline(READING, Duration.ofSeconds(60), NOW);

    writer.write(bad, null);
    writer.write(good, null);
    writer.flush(false);

    assertThat(dynamo.updates)
        .extracting(u -> u.key().get(AlertTable.ALERT_ID).s())
        .containsExactly(good.alertId());
    assertThat(metrics.count(AlertTableWriter.REJECTED_METRIC)).isEqualTo(1);
    assertThat(metrics.count(AlertTableWriter.WRITES_METRIC)).isEqualTo(1);
  }

  @Test
  void stampsUpdatedAtWithTheTimeOfTheWrite() throws Exception {
    FakeDynamoDb dynamo = new FakeDynamoDb();
    TestProcessingTimeService time = new TestProcessingTimeService();
    AlertTableWriter writer = writer(dynamo, time, 100, AlertTableSink.Backoff.DEFAULT);
    writer.write(overheat(61), null); // emitted at NOW
    Instant writtenAt = NOW.plusSeconds(42);
    time.setCurrentTime(writtenAt.toEpochMilli());

    writer.flush(false);

    assertThat(assignments(dynamo.updates.get(0)))
        .containsEntry(AlertTable.UPDATED_AT, fromS("2026-11-25T09:00:42.250Z"));
  }

  @Test
  void stopsRetryingOnceTheTotalRetryTimeHasPassed() {
    FakeDynamoDb busy = new FakeDynamoDb();
    for (int i = 0; i < 1000; i++) {
      busy.failures.add(DynamoDbException.builder().statusCode(500).message("down").build());
    }
    AlertTableWriter writer =
        writer(
            busy,
            new TestProcessingTimeService(),
            100,
            new AlertTableSink.Backoff(
                1000, Duration.ofMillis(20), Duration.ofMillis(20), Duration.ofMillis(50)));

    assertThatThrownBy(
            () -> {
              writer.write(overheat(61), null);
              writer.flush(false);
            })
        .isInstanceOf(IOException.class);
    assertThat(busy.attempts).isBetween(1, 4);
  }

  @Test
  void anAlertWithNumbersDynamoDbCannotHoldIsClampedNotRefused() {
    Alert huge =
        overheat(61)
            .seen(
                READING.ts(),
                "m",
                Double.POSITIVE_INFINITY,
                -1e200,
                List.of(new Sample(READING.ts(), Double.NaN)),
                NOW);
    long before = ItemBuilder.sanitizedNumbers();

    Map<String, AttributeValue> set = assignments(AlertUpdate.of("alerts", huge));

    assertThat(set.get(AlertTable.PEAK_VALUE).n())
        .isEqualTo(new java.math.BigDecimal(ItemBuilder.MAX_DYNAMODB).toPlainString());
    assertThat(set.get(AlertTable.LIMIT).n()).startsWith("-99999999999999999999");
    assertThat(set.get(AlertTable.EVIDENCE).m().get("readings").l().get(0).m())
        .containsOnlyKeys("ts");
    assertThat(ItemBuilder.sanitizedNumbers() - before).isGreaterThanOrEqualTo(3);
  }

  /** Keeps the counters the writer registers. */
  private static final class CountingMetrics extends UnregisteredMetricsGroup {
    private final Map<String, SimpleCounter> counters = new HashMap<>();

    @Override
    public Counter counter(String name) {
      return counters.computeIfAbsent(name, n -> new SimpleCounter());
    }

    long count(String name) {
      return counters.containsKey(name) ? counters.get(name).getCount() : 0;
    }
  }

  private static AlertTableSink.Backoff fastBackoff(int attempts) {
    return new AlertTableSink.Backoff(attempts, Duration.ofMillis(1), Duration.ofMillis(2));
  }

  private static AlertTableWriter writer(
      FakeDynamoDb dynamo,
      TestProcessingTimeService time,
      int maxBuffered,
      AlertTableSink.Backoff backoff) {
    return new AlertTableWriter(
        dynamo, "alerts", time, 500, maxBuffered, backoff, new UnregisteredMetricsGroup());
  }

  private static Alert overheat(double celsius) {
    return Alert.open(
            READING,
            "OVERHEAT",
            AlertType.OVERHEAT,
            "temperatureC",
            Severity.CRITICAL,
            READING.ts(),
            "OVERHEAT: above 60",
            NOW)
        .seen(
            READING.ts(),
            "temperatureC " + celsius + " above limit 60",
            celsius,
            60.0,
            List.of(new Sample(READING.ts(), celsius)),
            NOW);
  }

  /** The attributes an update sets to plain values, by attribute name. */
  private static Map<String, AttributeValue> assignments(UpdateItemRequest update) {
    Map<String, AttributeValue> set = new HashMap<>();
    String expression = update.updateExpression().substring("SET ".length());
    for (String assignment : expression.split(", (?=#)")) {
      String[] sides = assignment.split(" = ");
      if (sides[1].startsWith(":v")) {
        set.put(
            update.expressionAttributeNames().get(sides[0]),
            update.expressionAttributeValues().get(sides[1]));
      }
    }
    return set;
  }

  /** Records updates; throws the queued failures first. */
  private static final class FakeDynamoDb implements DynamoDbClient {
    final List<UpdateItemRequest> updates = new ArrayList<>();
    final List<RuntimeException> failures = new ArrayList<>();
    int attempts;

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request) {
      attempts++;
      if (!failures.isEmpty()) {
        throw failures.remove(0);
      }
      updates.add(request);
      return UpdateItemResponse.builder().build();
    }

    @Override
    public String serviceName() {
      return "dynamodb";
    }

    @Override
    public void close() {}
  }
}
