package io.smartbuilding.analytics.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartbuilding.analytics.Readings;
import io.smartbuilding.analytics.alert.Alert;
import io.smartbuilding.analytics.alert.Sample;
import io.smartbuilding.contracts.alert.AlertType;
import io.smartbuilding.contracts.alert.Severity;
import io.smartbuilding.contracts.tables.AlertTable;
import io.smartbuilding.contracts.tables.StoredTime;
import io.smartbuilding.contracts.tables.TableProvisioner;
import io.smartbuilding.contracts.tables.TableProvisioner.TableNames;
import io.smartbuilding.contracts.telemetry.Telemetry;
import io.smartbuilding.contracts.testing.LocalAwsClients;
import io.smartbuilding.contracts.testing.LocalStandIns;
import io.smartbuilding.contracts.testing.LoopbackProcess;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.streaming.runtime.tasks.TestProcessingTimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The alert writer against a real DynamoDB (dynalite): a replay that writes an older, open version
 * of an alert after it was resolved and acknowledged through the API changes neither its status,
 * its resolvedAt nor anything the API owns.
 */
class AlertTableWriterIT {

  private static final TableNames TABLES = TableNames.prefixed("writer-it-");
  private static final Telemetry READING =
      Readings.reading(
          "b1-f3-ahu-01", 12, Instant.parse("2026-11-25T08:15:31Z"), Map.of("temperatureC", 71.5));
  private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

  private static LoopbackProcess dynalite;
  private static DynamoDbClient dynamo;

  @BeforeAll
  static void start() {
    dynalite = LocalStandIns.dynamoDb(Path.of("target/it/alert-writer"));
    dynamo = LocalAwsClients.dynamoDb(dynalite);
    new TableProvisioner(dynamo).createIfMissing(TABLES);
  }

  @AfterAll
  static void stop() {
    if (dynamo != null) dynamo.close();
    if (dynalite != null) dynalite.close();
  }

  @Test
  void aReplayedOpenVersionDoesNotReopenOrUndoTheApi() throws Exception {
    TestProcessingTimeService time = new TestProcessingTimeService();
    time.setCurrentTime(NOW.toEpochMilli());
    AlertTableWriter writer =
        new AlertTableWriter(
            LocalAwsClients.dynamoDb(dynalite),
            TABLES.alerts(),
            time,
            500,
            100,
            AlertTableSink.Backoff.DEFAULT,
            new UnregisteredMetricsGroup());
    Alert open = overheat();
    Instant resolvedAt = READING.ts().plusSeconds(120);

    writer.write(open, null);
    writer.flush(false);
    acknowledge(open.alertId());
    writer.write(open.resolved(resolvedAt, NOW), null);
    writer.flush(false);
    Map<String, AttributeValue> resolved = item(open.alertId());

    // a replay after a restore: the open version, then the resolution seen later
    time.setCurrentTime(NOW.plusSeconds(600).toEpochMilli());
    writer.write(open, null);
    writer.flush(false);
    writer.write(open.resolved(resolvedAt.plusSeconds(60), NOW.plusSeconds(600)), null);
    writer.flush(false);
    writer.close();

    Map<String, AttributeValue> after = item(open.alertId());
    assertThat(after.get(AlertTable.STATUS).s()).isEqualTo("resolved");
    assertThat(after.get(AlertTable.RESOLVED_AT)).isEqualTo(resolved.get(AlertTable.RESOLVED_AT));
    assertThat(after.get(AlertTable.RESOLVED_AT).s()).isEqualTo(StoredTime.format(resolvedAt));
    assertThat(after.get(AlertTable.ACKNOWLEDGED_BY).s()).isEqualTo("tech-1");
    assertThat(after.get(AlertTable.VERSION).n()).isEqualTo("1");
    assertThat(after.get(AlertTable.ACTIONS).l()).hasSize(1);
    assertThat(after.get(AlertTable.UPDATED_AT).s())
        .as("stamped at the time of the write")
        .isEqualTo(StoredTime.format(NOW.plusSeconds(600)));
  }

  /** What query-api does: one UpdateItem conditioned on the version. */
  private static void acknowledge(String alertId) {
    dynamo.updateItem(
        b ->
            b.tableName(TABLES.alerts())
                .key(Map.of(AlertTable.ALERT_ID, AttributeValue.fromS(alertId)))
                .updateExpression(
                    "SET #status = :ack, acknowledgedBy = :by, actions ="
                        + " list_append(if_not_exists(actions, :none), :action), version = :one")
                .conditionExpression("attribute_not_exists(version) OR version = :zero")
                .expressionAttributeNames(Map.of("#status", AlertTable.STATUS))
                .expressionAttributeValues(
                    Map.of(
                        ":ack", AttributeValue.fromS("acknowledged"),
                        ":by", AttributeValue.fromS("tech-1"),
                        ":none", AttributeValue.fromL(List.of()),
                        ":action",
                            AttributeValue.fromL(
                                List.of(
                                    AttributeValue.fromM(
                                        Map.of("type", AttributeValue.fromS("ACKNOWLEDGE"))))),
                        ":one", AttributeValue.fromN("1"),
                        ":zero", AttributeValue.fromN("0"))));
  }

  private static Map<String, AttributeValue> item(String alertId) {
    return dynamo
        .getItem(
            b ->
                b.tableName(TABLES.alerts())
                    .key(Map.of(AlertTable.ALERT_ID, AttributeValue.fromS(alertId)))
                    .consistentRead(true))
        .item();
  }

  private static Alert overheat() {
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
            "temperatureC 71.5 above limit 60",
            71.5,
            60.0,
            List.of(new Sample(READING.ts(), 71.5)),
            NOW);
  }
}
