package io.smartbuilding.contracts.tables;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartbuilding.contracts.kinesis.StreamProvisioner;
import io.smartbuilding.contracts.testing.LocalAwsClients;
import io.smartbuilding.contracts.testing.LocalStandIns;
import io.smartbuilding.contracts.testing.LoopbackProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** The provisioners against the real emulators: creating twice is harmless, keys are as documented. */
class ProvisionersIT {

  private static LoopbackProcess dynalite;
  private static LoopbackProcess kinesisLocal;

  @BeforeAll
  static void startEmulators() {
    Path work = Path.of("target/it/provisioners");
    dynalite = LocalStandIns.dynamoDb(work);
    kinesisLocal = LocalStandIns.kinesis(work);
  }

  @AfterAll
  static void stopEmulators() {
    if (dynalite != null) dynalite.close();
    if (kinesisLocal != null) kinesisLocal.close();
  }

  @Test
  void createsTheTablesOnceAndAgainWithoutError() {
    try (DynamoDbClient dynamo = LocalAwsClients.dynamoDb(dynalite)) {
      TableProvisioner provisioner = new TableProvisioner(dynamo);
      provisioner.createIfMissing(TableProvisioner.TableNames.defaults());
      provisioner.createIfMissing(TableProvisioner.TableNames.defaults());

      TableDescription alerts =
          dynamo.describeTable(b -> b.tableName(AlertTable.DEFAULT_NAME)).table();
      assertThat(alerts.keySchema()).singleElement()
          .satisfies(k -> assertThat(k.attributeName()).isEqualTo(AlertTable.ALERT_ID));
      assertThat(alerts.globalSecondaryIndexes())
          .extracting(i -> i.indexName())
          .containsExactlyInAnyOrder(
              AlertTable.BY_BUILDING, AlertTable.BY_STATUS, AlertTable.BY_BUILDING_UPDATED);
      assertThat(alerts.globalSecondaryIndexes())
          .allSatisfy(i -> assertThat(i.indexStatus()).isEqualTo(IndexStatus.ACTIVE));
      assertThat(dynamo.listTables().tableNames())
          .contains(
              DeviceHealthTable.DEFAULT_NAME,
              BuildingTable.DEFAULT_NAME,
              MetricHistoryTable.DEFAULT_NAME,
              RuleTable.DEFAULT_NAME);
      TableDescription history =
          dynamo.describeTable(b -> b.tableName(MetricHistoryTable.DEFAULT_NAME)).table();
      assertThat(history.keySchema())
          .extracting(k -> k.attributeName())
          .containsExactly(MetricHistoryTable.SERIES_ID, MetricHistoryTable.BUCKET_START);
    }
  }

  @Test
  void createsTheStreamOnceAndAgainWithoutError() {
    try (KinesisClient kinesis = LocalAwsClients.kinesis(kinesisLocal)) {
      StreamProvisioner provisioner = new StreamProvisioner(kinesis);
      provisioner.createIfMissing("telemetry", 2);
      provisioner.createIfMissing("telemetry", 2);

      assertThat(kinesis.listShards(b -> b.streamName("telemetry")).shards()).hasSize(2);
    }
  }
}
