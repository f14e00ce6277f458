package io.smartbuilding.bench.capacity;

/**
 * From a fleet (devices x readings per second) to what production needs: Kinesis shards, gateway
 * replicas, Flink parallelism, DynamoDB capacity, API replicas and a monthly cost. The formulas and
 * where each constant comes from are in docs/capacity-model.md; the defaults are the measured
 * numbers of docs/benchmarks.md and AWS list prices for us-east-1.
 */
public final class CapacityModel {
  /** Seconds in an average month (730 hours, as AWS prices monthly). */
  public static final double SECONDS_PER_MONTH = 730 * 3600.0;

  public static final double KINESIS_SHARD_BYTES_PER_SECOND = 1024 * 1024;
  public static final double KINESIS_PUT_UNIT_BYTES = 25 * 1024;

  /**
   * The gateway flushes each shard's aggregate at least every linger (50 ms): up to 20
   * records/s/shard.
   */
  public static final double GATEWAY_RECORDS_PER_SHARD_PER_SECOND = 20;

  private final Assumptions a;

  public CapacityModel(Assumptions assumptions) {
    this.a = assumptions;
  }

  /** What is measured and assumed: per-message costs, fleet shape, headroom, prices. */
  public record Assumptions(
      double messageBytes,
      double userRecordOverheadBytes,
      double metricsPerReading,
      double devicesPerZone,
      double zonesPerFloor,
      double floorsPerBuilding,
      double gatewayMessagesPerCoreSecond,
      double jobEventsPerCoreSecond,
      double jobFixedCores,
      double apiCpuMsPerRequest,
      double apiRequestsPerDevicePerSecond,
      double rcuPerApiRequest,
      double targetUtilization,
      int minReplicas,
      double healthItemKiB,
      int healthIndexes,
      double healthRefreshSeconds,
      double historyItemBytes,
      int historyRetentionDays,
      Prices prices) {

    /** Measured on the 2-core dev box (docs/benchmarks.md), 60 % target utilization. */
    public static Assumptions measuredDefaults() {
      return new Assumptions(
          228, // simulator's mean JSON payload (analytics-job benchmark)
          20, // per user record inside a KPL aggregate: partition key index, length prefixes
          4, // zone sensors report 4-5 metrics, plant 3-5
          10,
          4,
          10,
          8_300, // ingest-gateway benchmark: 2.5 CPU s per 20,000 messages = 0.12 ms/message
          45_000, // analytics-job ThroughputBenchmark, warmed up, idle machine
          0.3, // the job's own baseline at low rates (./platform bench: 0.28-0.41 cores at
               // 250-3,000 msgs/s)
          2.0, // query-api benchmark: 1.2-2.8 ms per request
          0.01, // one API request per 100 devices per second (apps and dashboards polling)
          1.0, // a GetItem of a < 4 KB item, strongly consistent, or a small Query page
          0.6,
          2,
          1.0, // a health item is 0.5-0.8 KB: one write unit
          1, // the byBuilding GSI projects every attribute: each health put writes it too
          60, // analytics-job health.refresh-seconds in deploy/kubernetes (0: every reading)
          200,
          7,
          Prices.usEast1());
    }

    /** The same, with other measured per-core rates of the gateway and the job. */
    public Assumptions withPerCoreRates(double gatewayPerCore, double jobPerCore) {
      return new Assumptions(
          messageBytes,
          userRecordOverheadBytes,
          metricsPerReading,
          devicesPerZone,
          zonesPerFloor,
          floorsPerBuilding,
          gatewayPerCore,
          jobPerCore,
          jobFixedCores,
          apiCpuMsPerRequest,
          apiRequestsPerDevicePerSecond,
          rcuPerApiRequest,
          targetUtilization,
          minReplicas,
          healthItemKiB,
          healthIndexes,
          healthRefreshSeconds,
          historyItemBytes,
          historyRetentionDays,
          prices);
    }

    /** The same, with another health refresh (0: the health is written on every reading). */
    public Assumptions withHealthRefreshSeconds(double seconds) {
      return new Assumptions(
          messageBytes,
          userRecordOverheadBytes,
          metricsPerReading,
          devicesPerZone,
          zonesPerFloor,
          floorsPerBuilding,
          gatewayMessagesPerCoreSecond,
          jobEventsPerCoreSecond,
          jobFixedCores,
          apiCpuMsPerRequest,
          apiRequestsPerDevicePerSecond,
          rcuPerApiRequest,
          targetUtilization,
          minReplicas,
          healthItemKiB,
          healthIndexes,
          seconds,
          historyItemBytes,
          historyRetentionDays,
          prices);
    }
  }

  /**
   * us-east-1 list prices (USD) used by the model; docs/capacity-model.md gives the date they were
   * read.
   */
  public record Prices(
      double iotMessagePerMillion,
      double iotConnectionMinutePerMillion,
      double kinesisShardHour,
      double kinesisPutUnitPerMillion,
      double flinkKpuHour,
      double flinkStorageGbMonth,
      double fargateVcpuHour,
      double fargateGbHour,
      double dynamoWcuHour,
      double dynamoRcuHour,
      double dynamoWriteRequestPerMillion,
      double dynamoStorageGbMonth) {

    public static Prices usEast1() {
      return new Prices(
          1.00, 0.08, 0.015, 0.014, 0.11, 0.10, 0.04048, 0.004445, 0.00065, 0.00013, 0.625, 0.25);
    }
  }

  /** The sizing and cost for one fleet. Costs are USD per month. */
  public record Sizing(
      double devices,
      double messagesPerSecond,
      double ingestBytesPerSecond,
      int kinesisShards,
      int gatewayReplicas,
      double gatewayCores,
      int flinkParallelism,
      double flinkCores,
      double dynamoWritesPerSecond,
      double dynamoReadsPerSecond,
      int provisionedWcu,
      int provisionedRcu,
      int apiReplicas,
      double storageGb,
      double iotCost,
      double kinesisCost,
      double gatewayCost,
      double flinkCost,
      double dynamoCost,
      double dynamoOnDemandWriteCost,
      double apiCost) {

    public double totalCost() {
      return iotCost + kinesisCost + gatewayCost + flinkCost + dynamoCost + apiCost;
    }
  }

  public Sizing size(double devices, double readingsPerDevicePerSecond) {
    Prices p = a.prices();
    double msgs = devices * readingsPerDevicePerSecond;
    double bytes = msgs * (a.messageBytes() + a.userRecordOverheadBytes());

    // Kinesis: bytes decide (aggregation keeps records per shard at <= 20/s, far below 1,000/s).
    int shards =
        (int)
            Math.max(
                1, Math.ceil(bytes / (KINESIS_SHARD_BYTES_PER_SECOND * a.targetUtilization())));
    double bytesPerShardRecord = bytes / shards / GATEWAY_RECORDS_PER_SHARD_PER_SECOND;
    double putUnitsPerSecond =
        shards
            * GATEWAY_RECORDS_PER_SHARD_PER_SECOND
            * Math.max(1, Math.ceil(bytesPerShardRecord / KINESIS_PUT_UNIT_BYTES));

    double gatewayCores = msgs / a.gatewayMessagesPerCoreSecond();
    int gatewayReplicas = replicas(gatewayCores);
    double flinkCores = a.jobFixedCores() + msgs / a.jobEventsPerCoreSecond();
    int parallelism = (int) Math.max(1, Math.ceil(flinkCores / a.targetUtilization()));

    // DynamoDB: one health put per reading, or per device and health refresh when that is longer
    // (whole item, < 1 KB = 1 WCU, and as much again for each index that projects it; status
    // changes are written at once too, rare enough to leave out); one 1-minute history
    // bucket per device and metric per minute; 5-minute rollups per zone, floor and building.
    double zones = devices / a.devicesPerZone();
    double floors = zones / a.zonesPerFloor();
    double buildings = floors / a.floorsPerBuilding();
    double healthPuts =
        a.healthRefreshSeconds() > 0
            ? devices * Math.min(readingsPerDevicePerSecond, 1 / a.healthRefreshSeconds())
            : msgs;
    double healthWrites = healthPuts * Math.ceil(a.healthItemKiB()) * (1 + a.healthIndexes());
    double historyWrites =
        devices * a.metricsPerReading() / 60.0 * Math.min(1, readingsPerDevicePerSecond * 60)
            + (zones + floors + buildings) * a.metricsPerReading() / 300.0;
    double writes = healthWrites + historyWrites;
    double apiRequests = devices * a.apiRequestsPerDevicePerSecond();
    double reads = apiRequests * a.rcuPerApiRequest();
    int wcu = (int) Math.ceil(writes / a.targetUtilization());
    int rcu = (int) Math.max(1, Math.ceil(reads / a.targetUtilization()));
    double apiCores = apiRequests * a.apiCpuMsPerRequest() / 1000.0;
    int apiReplicas = replicas(apiCores);

    double storageGb =
        (devices * a.healthItemKiB() * 1024
                + devices
                    * a.metricsPerReading()
                    * 1440
                    * a.historyRetentionDays()
                    * a.historyItemBytes())
            / 1e9;

    double month = SECONDS_PER_MONTH;
    double hours = 730;
    // IoT Core bills each message in (device -> broker) and out (broker -> gateway subscriber).
    double iotMessages = 2 * msgs * month;
    double iot =
        iotMessageCost(iotMessages, p.iotMessagePerMillion())
            + devices * 60 * hours * p.iotConnectionMinutePerMillion() / 1e6;
    double kinesis =
        shards * hours * p.kinesisShardHour()
            + putUnitsPerSecond * month * p.kinesisPutUnitPerMillion() / 1e6;
    double replicaHour = p.fargateVcpuHour() + 2 * p.fargateGbHour(); // 1 vCPU, 2 GB per replica
    double gateway = gatewayReplicas * hours * replicaHour;
    double api = apiReplicas * hours * replicaHour;
    double flink =
        (parallelism + 1) * hours * p.flinkKpuHour() + parallelism * 50 * p.flinkStorageGbMonth();
    double dynamo =
        wcu * hours * p.dynamoWcuHour()
            + rcu * hours * p.dynamoRcuHour()
            + storageGb * p.dynamoStorageGbMonth();
    double dynamoOnDemandWrites = writes * month * p.dynamoWriteRequestPerMillion() / 1e6;

    return new Sizing(
        devices,
        msgs,
        bytes,
        shards,
        gatewayReplicas,
        gatewayCores,
        parallelism,
        flinkCores,
        writes,
        reads,
        wcu,
        rcu,
        apiReplicas,
        storageGb,
        iot,
        kinesis,
        gateway,
        flink,
        dynamo,
        dynamoOnDemandWrites,
        api);
  }

  private int replicas(double cores) {
    return (int) Math.max(a.minReplicas(), Math.ceil(cores / a.targetUtilization()));
  }

  /**
   * Tiered: the first billion messages a month at the list price, the next 4 billion at 80 %, the
   * rest at 70 %.
   */
  static double iotMessageCost(double messages, double perMillion) {
    double first = Math.min(messages, 1e9);
    double next = Math.min(Math.max(messages - 1e9, 0), 4e9);
    double rest = Math.max(messages - 5e9, 0);
    return (first * perMillion + next * perMillion * 0.8 + rest * perMillion * 0.7) / 1e6;
  }

  /** CPU cores the model expects the gateway and the job to use at {@code msgs} messages/s. */
  public double[] predictedCores(double msgs) {
    return new double[] {
      msgs / a.gatewayMessagesPerCoreSecond(), a.jobFixedCores() + msgs / a.jobEventsPerCoreSecond()
    };
  }
}
