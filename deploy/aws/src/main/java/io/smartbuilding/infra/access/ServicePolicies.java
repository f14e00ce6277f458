package io.smartbuilding.infra.access;

import io.smartbuilding.contracts.tables.AlertTable;
import io.smartbuilding.contracts.tables.DeviceHealthTable;
import io.smartbuilding.infra.PlatformSettings.KinesisConsumer;
import io.smartbuilding.infra.storage.DataBucket;
import io.smartbuilding.infra.tables.PlatformTableSpecs;
import io.smartbuilding.infra.tables.PlatformTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kinesis.IStream;
import software.amazon.awscdk.services.s3.IBucket;

/**
 * What each service may do in AWS: exactly the calls its production code makes (read from the code,
 * named per statement), on exactly the resources it makes them on. No service may create or delete
 * tables or streams: their provisioning switches ({@code gateway.kinesis.create-stream}, {@code
 * dynamodb.create-tables}, {@code smartbuilding.tables.create-if-missing}) are off outside local
 * stacks and tests.
 */
public final class ServicePolicies {

  /**
   * The enhanced fan-out consumer analytics-job registers ({@code kinesis.efo.consumer-name},
   * default {@code KinesisSettings.DEFAULT_EFO_CONSUMER_NAME}).
   */
  public static final String EFO_CONSUMER_NAME = "smartbuilding-analytics";

  private ServicePolicies() {}

  /**
   * ingest-gateway: {@code KinesisRecordSink} calls PutRecords and, to aggregate per shard,
   * ListShards, on the telemetry and the dead-letter stream alike.
   */
  public static PolicyDocument ingestGateway(IStream telemetry, IStream deadLetters) {
    return document(
        allow(
            "WriteTelemetryAndDeadLetters",
            List.of("kinesis:PutRecords", "kinesis:ListShards"),
            List.of(telemetry.getStreamArn(), deadLetters.getStreamArn())));
  }

  /**
   * query-api, per table: device-health GetItem (DeviceRepository) and Query of byBuilding; alerts
   * GetItem and UpdateItem (AlertActions: the only write) and Query of its three indexes
   * (AlertRepository, AlertChanges); buildings Scan, GetItem, BatchGetItem (BuildingRepository);
   * metric-history Query (HistoryRepository). DescribeTable is TablesReadinessCheck's. The rules
   * table is not read by the API.
   */
  public static PolicyDocument queryApi(PlatformTables tables) {
    ITable health = tables.table(PlatformTableSpecs.NAMES.deviceHealth());
    ITable alerts = tables.table(PlatformTableSpecs.NAMES.alerts());
    ITable buildings = tables.table(PlatformTableSpecs.NAMES.buildings());
    ITable history = tables.table(PlatformTableSpecs.NAMES.metricHistory());
    return document(
        allow(
            "ReadDeviceHealth",
            List.of("dynamodb:GetItem", "dynamodb:DescribeTable"),
            List.of(health.getTableArn())),
        allow(
            "QueryDevicesByBuilding",
            List.of("dynamodb:Query"),
            List.of(index(health, DeviceHealthTable.BY_BUILDING))),
        allow(
            "ReadAndActOnAlerts",
            List.of("dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:DescribeTable"),
            List.of(alerts.getTableArn())),
        allow(
            "QueryAlertIndexes",
            List.of("dynamodb:Query"),
            List.of(
                index(alerts, AlertTable.BY_BUILDING),
                index(alerts, AlertTable.BY_STATUS),
                index(alerts, AlertTable.BY_BUILDING_UPDATED))),
        allow(
            "ReadBuildings",
            List.of(
                "dynamodb:Scan",
                "dynamodb:GetItem",
                "dynamodb:BatchGetItem",
                "dynamodb:DescribeTable"),
            List.of(buildings.getTableArn())),
        allow("QueryHistory", List.of("dynamodb:Query"), List.of(history.getTableArn())));
  }

  /**
   * analytics-job. Kinesis: the legacy FlinkKinesisConsumer discovers shards with ListShards and
   * polls with GetShardIterator and GetRecords; with enhanced fan-out it also resolves the stream
   * ARN (DescribeStreamSummary), registers its consumer (RegisterStreamConsumer, on the stream),
   * waits for it and reads through it (DescribeStreamConsumer, SubscribeToShard, on the consumer)
   * and, with the LAZY registration the job uses, deregisters it when the job stops
   * (DeregisterStreamConsumer). DynamoDB: the Flink DynamoDbSink writes device health, buildings
   * and history with BatchWriteItem; AlertTableSink writes alerts with UpdateItem;
   * DynamoDbRuleStore scans the rules. S3: Flink's file systems read, write, list and delete under
   * the job's prefixes (checkpoints, savepoints, HA metadata, the Parquet archive), with multipart
   * uploads.
   */
  public static PolicyDocument analyticsJob(
      IStream telemetry, PlatformTables tables, IBucket bucket, KinesisConsumer consumer) {
    List<PolicyStatement> statements = new ArrayList<>();
    List<String> streamActions =
        new ArrayList<>(
            List.of("kinesis:ListShards", "kinesis:GetShardIterator", "kinesis:GetRecords"));
    if (consumer == KinesisConsumer.EFO) {
      streamActions.addAll(
          List.of("kinesis:DescribeStreamSummary", "kinesis:RegisterStreamConsumer"));
    }
    statements.add(allow("ReadTelemetry", streamActions, List.of(telemetry.getStreamArn())));
    if (consumer == KinesisConsumer.EFO) {
      statements.add(
          allow(
              "ReadThroughFanOutConsumer",
              List.of(
                  "kinesis:DescribeStreamConsumer",
                  "kinesis:SubscribeToShard",
                  "kinesis:DeregisterStreamConsumer"),
              // consumer ARNs end in :<creation timestamp>
              List.of(telemetry.getStreamArn() + "/consumer/" + EFO_CONSUMER_NAME + ":*")));
    }
    statements.add(
        allow(
            "WriteStateTables",
            List.of("dynamodb:BatchWriteItem"),
            List.of(
                tables.table(PlatformTableSpecs.NAMES.deviceHealth()).getTableArn(),
                tables.table(PlatformTableSpecs.NAMES.buildings()).getTableArn(),
                tables.table(PlatformTableSpecs.NAMES.metricHistory()).getTableArn())));
    statements.add(
        allow(
            "WriteAlerts",
            List.of("dynamodb:UpdateItem"),
            List.of(tables.table(PlatformTableSpecs.NAMES.alerts()).getTableArn())));
    statements.add(
        allow(
            "ReadRules",
            List.of("dynamodb:Scan"),
            List.of(tables.table(PlatformTableSpecs.NAMES.rules()).getTableArn())));
    List<String> listPrefixes = new ArrayList<>();
    List<String> objects = new ArrayList<>();
    for (String prefix : DataBucket.PREFIXES) {
      String bare = prefix.substring(0, prefix.length() - 1);
      listPrefixes.add(bare);
      listPrefixes.add(prefix + "*");
      // Hadoop's S3A probes the directory's own key ("checkpoints") before listing below it
      objects.add(bucket.arnForObjects(bare));
      objects.add(bucket.arnForObjects(prefix + "*"));
    }
    statements.add(
        PolicyStatement.Builder.create()
            .sid("ListJobPrefixes")
            .effect(Effect.ALLOW)
            .actions(List.of("s3:ListBucket"))
            .resources(List.of(bucket.getBucketArn()))
            .conditions(Map.of("StringLike", Map.of("s3:prefix", listPrefixes)))
            .build());
    statements.add(
        allow(
            "ReadWriteJobObjects",
            List.of(
                "s3:GetObject",
                "s3:PutObject",
                "s3:DeleteObject",
                "s3:AbortMultipartUpload",
                "s3:ListMultipartUploadParts"),
            objects));
    return document(statements.toArray(PolicyStatement[]::new));
  }

  private static String index(ITable table, String indexName) {
    return table.getTableArn() + "/index/" + indexName;
  }

  private static PolicyStatement allow(String sid, List<String> actions, List<String> resources) {
    return PolicyStatement.Builder.create()
        .sid(sid)
        .effect(Effect.ALLOW)
        .actions(actions)
        .resources(resources)
        .build();
  }

  private static PolicyDocument document(PolicyStatement... statements) {
    return PolicyDocument.Builder.create().statements(List.of(statements)).build();
  }
}
