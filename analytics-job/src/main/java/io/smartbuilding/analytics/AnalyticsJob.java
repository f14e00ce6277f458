package io.smartbuilding.analytics;

import io.smartbuilding.analytics.alert.Alert;
import io.smartbuilding.analytics.alert.AlertItemConverter;
import io.smartbuilding.analytics.aws.DynamoDbSettings;
import io.smartbuilding.analytics.aws.DynamoDbSinks;
import io.smartbuilding.analytics.aws.KinesisTelemetrySource;
import io.smartbuilding.analytics.building.Building;
import io.smartbuilding.analytics.building.BuildingDirectoryFunction;
import io.smartbuilding.analytics.building.BuildingItemConverter;
import io.smartbuilding.analytics.health.DeviceHealth;
import io.smartbuilding.analytics.health.DeviceHealthFunction;
import io.smartbuilding.analytics.health.DeviceHealthItemConverter;
import io.smartbuilding.analytics.health.HealthRules;
import io.smartbuilding.analytics.telemetry.TelemetryDecoder;
import io.smartbuilding.contracts.tables.AlertTable;
import io.smartbuilding.contracts.tables.BuildingTable;
import io.smartbuilding.contracts.tables.DeviceHealthTable;
import io.smartbuilding.contracts.tables.TableProvisioner;
import io.smartbuilding.contracts.telemetry.Telemetry;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.source.SourceFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The analytics job: telemetry from Kinesis in, device health, alerts and buildings to DynamoDB.
 *
 * <pre>
 * Kinesis -> decode -+-> keyBy(deviceId)   -> DeviceHealthFunction -+-> device-health table
 *                    |                                             `-> (side output) alerts table
 *                    `-> keyBy(buildingId) -> BuildingDirectoryFunction -> buildings table
 * </pre>
 *
 * <p>This class is wiring only; tests plug in their own source and sinks, {@link #main} the real
 * connectors.
 */
public final class AnalyticsJob {

  public static final String JOB_NAME = "smartbuilding-analytics";

  private static final Logger LOG = LoggerFactory.getLogger(AnalyticsJob.class);

  private final HealthRules rules;

  // The legacy SourceFunction API, because the Kinesis consumer that de-aggregates KPL uses it.
  @SuppressWarnings("deprecation")
  private final SourceFunction<byte[]> source;

  private final Sink<DeviceHealth> healthSink;
  private final Sink<Alert> alertSink;
  private final Sink<Building> buildingSink;

  @SuppressWarnings("deprecation")
  public AnalyticsJob(
      HealthRules rules,
      SourceFunction<byte[]> source,
      Sink<DeviceHealth> healthSink,
      Sink<Alert> alertSink,
      Sink<Building> buildingSink) {
    this.rules = rules;
    this.source = source;
    this.healthSink = healthSink;
    this.alertSink = alertSink;
    this.buildingSink = buildingSink;
  }

  /** The job with the real Kinesis source and DynamoDB sinks. */
  public static AnalyticsJob withConnectors(JobConfig config) {
    DynamoDbSettings dynamo = config.dynamoDb();
    return new AnalyticsJob(
        config.rules(),
        KinesisTelemetrySource.create(config.kinesis()),
        DynamoDbSinks.forTable(
            dynamo.aws(),
            dynamo.tables().deviceHealth(),
            DeviceHealthTable.DEVICE_ID,
            new DeviceHealthItemConverter()),
        DynamoDbSinks.forTable(
            dynamo.aws(), dynamo.tables().alerts(), AlertTable.ALERT_ID, new AlertItemConverter()),
        DynamoDbSinks.forTable(
            dynamo.aws(),
            dynamo.tables().buildings(),
            BuildingTable.BUILDING_ID,
            new BuildingItemConverter()));
  }

  /** Adds the pipeline to {@code env}; operator uids keep state across upgrades. */
  @SuppressWarnings("deprecation") // addSource: see the source field
  public void addTo(StreamExecutionEnvironment env) {
    SingleOutputStreamOperator<Telemetry> telemetry =
        env.addSource(
                source, "telemetry-source", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO)
            .uid("telemetry-source")
            .process(new TelemetryDecoder())
            .name("decode-telemetry")
            .uid("decode-telemetry");

    SingleOutputStreamOperator<DeviceHealth> health =
        telemetry
            .keyBy(Telemetry::deviceId, Types.STRING)
            .process(new DeviceHealthFunction(rules))
            .name("device-health")
            .uid("device-health");
    health.sinkTo(healthSink).name("device-health-sink").uid("device-health-sink");
    health
        .getSideOutput(DeviceHealthFunction.ALERTS)
        .sinkTo(alertSink)
        .name("alerts-sink")
        .uid("alerts-sink");

    telemetry
        .keyBy(Telemetry::buildingId, Types.STRING)
        .process(new BuildingDirectoryFunction())
        .name("building-directory")
        .uid("building-directory")
        .sinkTo(buildingSink)
        .name("buildings-sink")
        .uid("buildings-sink");
  }

  public static void main(String[] args) throws Exception {
    JobConfig config = JobConfig.fromArgs(args);
    LOG.info("Starting {} with {}", JOB_NAME, config);
    if (config.local()) {
      requireFlinkJvmOptions();
    }
    if (config.dynamoDb().createTables()) {
      try (DynamoDbClient client = config.dynamoDb().aws().dynamoDbClient()) {
        new TableProvisioner(client).createIfMissing(config.dynamoDb().tables());
      }
    }
    Configuration flinkConfig = checkpointing(config);
    StreamExecutionEnvironment env;
    if (config.local()) {
      flinkConfig.addAll(loopbackOnly(config.webUiPort()));
      env = StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(flinkConfig);
      LOG.info("Flink web UI on http://127.0.0.1:{}", config.webUiPort());
    } else {
      env = StreamExecutionEnvironment.getExecutionEnvironment(flinkConfig);
    }
    env.enableCheckpointing(config.checkpointInterval().toMillis());
    withConnectors(config).addTo(env);
    env.execute(JOB_NAME);
  }

  /**
   * In local mode Flink runs in this JVM, and on Java 17 it needs JDK packages opened (Flink's
   * start scripts pass the same flags). Without them the job would start and then fail at every
   * checkpoint, so stop here and say how to start it.
   */
  private static void requireFlinkJvmOptions() {
    if (!Object.class.getModule().isOpen("java.util", AnalyticsJob.class.getModule())) {
      throw new IllegalStateException(
          "Local mode needs the JVM options Flink uses on Java 17. Start it with"
              + " java @analytics-job/target/jvm-options.txt -cp ... (the file is written by"
              + " ./mvnw package), or export JDK_JAVA_OPTIONS=\"$(cat"
              + " analytics-job/target/jvm-options.txt)\"");
    }
  }

  /** Checkpoint storage; the DynamoDB sinks also flush on every checkpoint. */
  static Configuration checkpointing(JobConfig config) {
    Configuration conf = new Configuration();
    config
        .checkpointDir()
        .ifPresent(
            dir -> {
              conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
              conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir);
            });
    return conf;
  }

  /**
   * An in-process cluster reachable from this machine only: without these the blob server, RPC and
   * REST endpoints listen on every interface.
   */
  public static Configuration loopbackOnly(int restPort) {
    Configuration conf = new Configuration();
    conf.set(JobManagerOptions.BIND_HOST, "127.0.0.1");
    conf.set(JobManagerOptions.ADDRESS, "127.0.0.1");
    conf.set(TaskManagerOptions.BIND_HOST, "127.0.0.1");
    conf.set(TaskManagerOptions.HOST, "127.0.0.1");
    conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
    conf.set(RestOptions.ADDRESS, "127.0.0.1");
    conf.set(RestOptions.PORT, restPort);
    return conf;
  }
}
