package io.smartbuilding.analytics;

import io.smartbuilding.analytics.alert.Alert;
import io.smartbuilding.analytics.archive.ArchivePipeline;
import io.smartbuilding.analytics.archive.ArchiveSettings;
import io.smartbuilding.analytics.aws.AlertTableSink;
import io.smartbuilding.analytics.aws.DynamoDbClientFactory;
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
import io.smartbuilding.analytics.history.EventTimeSettings;
import io.smartbuilding.analytics.history.HistoryPipeline;
import io.smartbuilding.analytics.history.HistorySettings;
import io.smartbuilding.analytics.history.HistorySink;
import io.smartbuilding.analytics.history.MetricBucket;
import io.smartbuilding.analytics.history.TelemetryWatermarks;
import io.smartbuilding.analytics.rules.DynamoDbRuleStore;
import io.smartbuilding.analytics.rules.FileRuleStore;
import io.smartbuilding.analytics.rules.LoadedRules;
import io.smartbuilding.analytics.rules.RuleFeed;
import io.smartbuilding.analytics.rules.RulePollingSource;
import io.smartbuilding.analytics.rules.RuleSet;
import io.smartbuilding.analytics.rules.RuleStore;
import io.smartbuilding.analytics.telemetry.TelemetryDecoder;
import io.smartbuilding.contracts.tables.BuildingTable;
import io.smartbuilding.contracts.tables.DeviceHealthTable;
import io.smartbuilding.contracts.tables.TableProvisioner;
import io.smartbuilding.contracts.telemetry.Telemetry;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.functions.source.SourceFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The analytics job: telemetry from Kinesis in, device health, alerts and buildings to DynamoDB.
 *
 * <pre>
 * Kinesis -> decode -+-> keyBy(deviceId) -> DeviceHealthFunction -+-> device-health table
 *                    |                    ^ (broadcast rules)    +-> (side output) alerts table
 *                    |  rules table poll -'                      `-> (side output) unique readings
 *                    |                                                -> event time -+
 *                    `-> keyBy(buildingId) -> BuildingDirectoryFunction -> buildings |
 *   +------------------------------------------------------------------------------+
 *   +-> HistoryPipeline (1 min per device; 5 min per zone, floor, building) -> metric history
 *   `-> ArchivePipeline (Parquet by date/building), when configured
 * </pre>
 *
 * <p>This class is wiring only; tests plug in their own source and sinks, {@link #main} the real
 * connectors.
 */
public final class AnalyticsJob {

  public static final String JOB_NAME = "smartbuilding-analytics";

  private static final Logger LOG = LoggerFactory.getLogger(AnalyticsJob.class);

  private final HealthRules rules;
  private final RuleFeed ruleFeed;

  // The legacy SourceFunction API, because the Kinesis consumer that de-aggregates KPL uses it.
  @SuppressWarnings("deprecation")
  private final SourceFunction<byte[]> source;

  private final Sinks sinks;
  private final EventTimeSettings events;
  private final HistorySettings history;
  private final Optional<ArchiveSettings> archive;

  /** Where the job's four tables go: DynamoDB in production, collecting sinks in tests. */
  public record Sinks(
      Sink<DeviceHealth> health,
      Sink<Alert> alerts,
      Sink<Building> buildings,
      Sink<MetricBucket> history) {}

  @SuppressWarnings("deprecation")
  public AnalyticsJob(
      HealthRules rules,
      SourceFunction<byte[]> source,
      RuleFeed ruleFeed,
      Sinks sinks,
      EventTimeSettings events,
      HistorySettings history,
      Optional<ArchiveSettings> archive) {
    this.rules = rules;
    this.ruleFeed = ruleFeed;
    this.source = source;
    this.sinks = sinks;
    this.events = events;
    this.history = history;
    this.archive = archive;
  }

  /**
   * With fixed rules (the built-in defaults of {@code rules}), default event time and history
   * settings, history discarded and no archive: tests of the health, alert and building paths.
   */
  @SuppressWarnings("deprecation")
  public AnalyticsJob(
      HealthRules rules,
      SourceFunction<byte[]> source,
      Sink<DeviceHealth> healthSink,
      Sink<Alert> alertSink,
      Sink<Building> buildingSink) {
    this(
        rules,
        source,
        RuleFeed.fixed(rules.defaultRules()),
        new Sinks(healthSink, alertSink, buildingSink, new DiscardingSink<>()),
        EventTimeSettings.defaults(),
        HistorySettings.defaults(),
        Optional.empty());
  }

  /** The job with the real Kinesis source and DynamoDB sinks. */
  public static AnalyticsJob withConnectors(JobConfig config) {
    DynamoDbSettings dynamo = config.dynamoDb();
    return new AnalyticsJob(
        config.rules(),
        KinesisTelemetrySource.create(config.kinesis()),
        ruleFeed(config),
        new Sinks(
            DynamoDbSinks.forTable(
                dynamo.aws(),
                dynamo.tables().deviceHealth(),
                DeviceHealthTable.DEVICE_ID,
                new DeviceHealthItemConverter()),
            new AlertTableSink(DynamoDbClientFactory.of(dynamo.aws()), dynamo.tables().alerts()),
            DynamoDbSinks.forTable(
                dynamo.aws(),
                dynamo.tables().buildings(),
                BuildingTable.BUILDING_ID,
                new BuildingItemConverter()),
            HistorySink.create(dynamo.aws(), dynamo.tables().metricHistory())),
        config.events(),
        config.history(),
        config.archive());
  }

  /**
   * The rules table (or {@code rules.file}), polled every {@code rules.poll-interval-seconds}. It
   * is read once here too, so the job starts with the stored rules rather than the defaults.
   */
  public static RuleFeed ruleFeed(JobConfig config) {
    HealthRules settings = config.rules();
    RuleStore store =
        settings.rulesFile() != null
            ? new FileRuleStore(Path.of(settings.rulesFile()))
            : new DynamoDbRuleStore(
                DynamoDbClientFactory.of(config.dynamoDb().aws()),
                config.dynamoDb().tables().rules(),
                settings.defaultRules());
    LoadedRules initial;
    try {
      initial = store.load();
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the rules: " + e.getMessage(), e);
    } finally {
      if (store instanceof DynamoDbRuleStore table) {
        table.close();
      }
    }
    initial.invalid().forEach(problem -> LOG.warn("Skipping {}", problem));
    return new RuleFeed(
        initial.rules(), new RulePollingSource(store, settings.rulesPollInterval()));
  }

  /** Adds the pipeline to {@code env}; operator uids keep state across upgrades. */
  @SuppressWarnings("deprecation") // addSource: see the source field
  public void addTo(StreamExecutionEnvironment env) {
    // Without object reuse every chained operator gets a deep copy of its input (serializer.copy):
    // three Telemetry copies per reading in the decode chain alone. Safe here because what flows
    // between this job's operators is immutable (the contract's Telemetry, byte[] records only
    // read by the decoder, and records: HistoryReading, DeviceHealth, Alert, Building,
    // MetricBucket), no function mutates its input or changes an object after emitting it, and
    // network inputs are always deserialized into fresh objects, so DeviceHealthFunction may keep
    // the reading it was given in heap state.
    env.getConfig().enableObjectReuse();
    SingleOutputStreamOperator<Telemetry> telemetry =
        env.addSource(
                source, "telemetry-source", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO)
            .uid("telemetry-source")
            .process(new TelemetryDecoder())
            .name("decode-telemetry")
            .uid("decode-telemetry");

    BroadcastStream<RuleSet> ruleUpdates =
        env.addSource(ruleFeed.updates(), "rules-source", TypeInformation.of(RuleSet.class))
            .uid("rules-source")
            .setParallelism(1)
            .broadcast(DeviceHealthFunction.RULES);

    SingleOutputStreamOperator<DeviceHealth> health =
        telemetry
            .keyBy(Telemetry::deviceId, Types.STRING)
            .connect(ruleUpdates)
            .process(new DeviceHealthFunction(rules, ruleFeed.initial()))
            .name("device-health")
            .uid("device-health");
    health.sinkTo(sinks.health()).name("device-health-sink").uid("device-health-sink");
    health
        .getSideOutput(DeviceHealthFunction.ALERTS)
        .sinkTo(sinks.alerts())
        .name("alerts-sink")
        .uid("alerts-sink");

    telemetry
        .keyBy(Telemetry::buildingId, Types.STRING)
        .process(new BuildingDirectoryFunction())
        .name("building-directory")
        .uid("building-directory")
        .sinkTo(sinks.buildings())
        .name("buildings-sink")
        .uid("buildings-sink");

    // History and archive take the readings the health operator did not drop as duplicates.
    // Event time starts here: watermarks from the deduplicated readings themselves (the health
    // operator's own output watermark would wait on the rules broadcast, which has none).
    // Readings too late for the history windows are counted there (historyLateReadings).
    SingleOutputStreamOperator<Telemetry> unique =
        health
            .getSideOutput(DeviceHealthFunction.UNIQUE)
            .assignTimestampsAndWatermarks(TelemetryWatermarks.strategy(events))
            .name("event-time")
            .uid("event-time");
    HistoryPipeline.addTo(unique, history, sinks.history());
    archive.ifPresent(settings -> ArchivePipeline.addTo(unique, settings));
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
      try (DynamoDbRuleStore rules =
          new DynamoDbRuleStore(
              DynamoDbClientFactory.of(config.dynamoDb().aws()),
              config.dynamoDb().tables().rules(),
              config.rules().defaultRules())) {
        rules.seedIfEmpty();
      }
    }
    Configuration flinkConfig = checkpointing(config);
    config.stateBackend().ifPresent(backend -> backend.applyTo(flinkConfig));
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
