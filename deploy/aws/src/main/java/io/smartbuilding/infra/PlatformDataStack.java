package io.smartbuilding.infra;

import io.smartbuilding.infra.access.IrsaTrust;
import io.smartbuilding.infra.access.ServiceAccount;
import io.smartbuilding.infra.access.ServicePolicies;
import io.smartbuilding.infra.access.ServiceRoles;
import io.smartbuilding.infra.storage.DataBucket;
import io.smartbuilding.infra.streams.TelemetryStreams;
import io.smartbuilding.infra.tables.PlatformTables;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.dynamodb.Table;
import software.constructs.Construct;

/**
 * Everything the platform keeps in AWS outside the EKS cluster: the Kinesis streams, the DynamoDB
 * tables, the data bucket and the services' IRSA roles, with their names and ARNs as outputs for
 * the Kubernetes overlay.
 */
public final class PlatformDataStack extends Stack {

  public static final String STACK_NAME = "SmartBuildingData";

  private final TelemetryStreams streams;
  private final PlatformTables tables;
  private final DataBucket data;
  private final ServiceRoles roles;

  public PlatformDataStack(
      Construct scope, String id, StackProps props, PlatformSettings settings) {
    super(scope, id, props);
    streams =
        new TelemetryStreams(
            this, "Streams", settings.telemetryShards(), settings.deadLetterShards());
    tables = new PlatformTables(this, "Tables");
    data = new DataBucket(this, "Data", settings.checkpointExpirationDays());
    roles =
        new ServiceRoles(
            this,
            "ServiceRoles",
            new IrsaTrust(settings.oidcIssuer(), settings.oidcProviderArn()),
            Map.of(
                ServiceAccount.INGEST_GATEWAY,
                ServicePolicies.ingestGateway(streams.telemetry(), streams.deadLetters()),
                ServiceAccount.QUERY_API,
                ServicePolicies.queryApi(tables),
                ServiceAccount.ANALYTICS_JOB,
                ServicePolicies.analyticsJob(
                    streams.telemetry(), tables, data.bucket(), settings.analyticsConsumer())));
    outputs();
  }

  private void outputs() {
    for (ServiceAccount account : ServiceAccount.values()) {
      output(
          roleOutputId(account),
          roles.role(account).getRoleArn(),
          "eks.amazonaws.com/role-arn of ServiceAccount " + account.accountName());
    }
    output("DataBucketName", data.bucket().getBucketName(), "checkpoints, savepoints, HA, archive");
    output("TelemetryStreamName", streams.telemetry().getStreamName(), "gateway.kinesis.stream");
    output("TelemetryStreamArn", streams.telemetry().getStreamArn(), "telemetry stream");
    output(
        "DeadLetterStreamName",
        streams.deadLetters().getStreamName(),
        "gateway.dead-letter.stream");
    output("DeadLetterStreamArn", streams.deadLetters().getStreamArn(), "dead-letter stream");
    tables
        .all()
        .forEach(
            (name, table) ->
                output(tableOutputId(table), table.getTableName(), "DynamoDB table " + name));
  }

  /** e.g. IngestGatewayRoleArn. */
  public static String roleOutputId(ServiceAccount account) {
    return camel(account.accountName()) + "RoleArn";
  }

  private static String tableOutputId(Table table) {
    return table.getNode().getId() + "TableName";
  }

  private static String camel(String kebab) {
    StringBuilder out = new StringBuilder();
    for (String part : kebab.split("-")) {
      out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return out.toString();
  }

  private void output(String id, String value, String description) {
    CfnOutput.Builder.create(this, id).value(value).description(description).build();
  }

  public TelemetryStreams streams() {
    return streams;
  }

  public PlatformTables tables() {
    return tables;
  }

  public DataBucket data() {
    return data;
  }

  public ServiceRoles roles() {
    return roles;
  }
}
