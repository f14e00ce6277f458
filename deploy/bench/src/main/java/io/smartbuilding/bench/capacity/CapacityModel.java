package io.smartbuilding.bench.capacity;

/**
 * From a fleet (devices x readings per second) and an MQTT option to what production needs:
 * Kinesis shards, gateway replicas, Flink parallelism, DynamoDB capacity, API replicas and a
 * monthly cost. The formulas and where each constant comes from are in docs/capacity-model.md; the
 * defaults are the measured numbers of docs/benchmarks.md and AWS list prices for us-east-1.
 */
public final class CapacityModel {
  /** Seconds in an average month (730 hours, as AWS prices monthly). */
  public static final double SECONDS_PER_MONTH = 730 * 3600.0;

  public static final double KINESIS_SHARD_BYTES_PER_SECOND = 1024 * 1024;
  public static final double KINESIS_SHARD_RECORDS_PER_SECOND = 1000;
  public static final double KINESIS_PUT_UNIT_BYTES = 25 * 1024;

  /**
   * IoT Core accepts at most 100 publishes/s per connection (not adjustable); each gateway replica
   * is one connection, so about 80 msgs/s with headroom (deploy/README.md step 6).
   */
  public static final double IOT_CORE_MSGS_PER_REPLICA = 80;

  /** DynamoDB reads 4 KB per read unit; eventually consistent reads (and any GSI) cost half. */
  public static final double DYNAMO_READ_UNIT_KIB = 4;

  /**
   * Each gateway replica flushes its own aggregate for each shard at least every linger (50 ms):
   * up to 20 records/s per replica and shard.
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
      double listPageShare,
      int listPageItems,
      double healthItemMeanKiB,
      double watchedBuildingShare,
      int sseClientsPerWatchedBuilding,
      double brokerMessagesPerCoreSecond,
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
          0.1, // a tenth of the requests are device list pages, the rest single items
          200, // devices per list page (the API's page size)
          0.65, // a health item's mean size: 0.5-0.8 KB
          0.5, // half of the buildings have an alert stream (SSE) open at any time
          2, // ... with two clients, on different API replicas
          20_000, // Mosquitto in ./platform bench: 0.04-0.06 cores at 1,000-2,000 msgs/s, no TLS
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
          listPageShare,
          listPageItems,
          healthItemMeanKiB,
          watchedBuildingShare,
          sseClientsPerWatchedBuilding,
          brokerMessagesPerCoreSecond,
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
          listPageShare,
          listPageItems,
          healthItemMeanKiB,
          watchedBuildingShare,
          sseClientsPerWatchedBuilding,
          brokerMessagesPerCoreSecond,
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
      double iotRuleTriggeredPerMillion,
      double iotRuleActionPerMillion,
      double nlbHour,
      double nlcuHour,
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
          1.00, 0.08, 0.15, 0.15, 0.0225, 0.006, 0.015, 0.014, 0.11, 0.10, 0.04048, 0.004445,
          0.00065, 0.00013, 0.625, 0.25);
    }
  }

  /** The sizing and cost for one fleet and MQTT option. Costs are USD per month. */
  public record Sizing(
      MqttOption mqtt,
      double devices,
      double messagesPerSecond,
      double ingestBytesPerSecond,
      double kinesisRecordsPerSecond,
      double kinesisPutUnitsPerSecond,
      int kinesisShards,
      int gatewayReplicas,
      double gatewayCores,
      double brokerCores,
      int flinkParallelism,
      double flinkCores,
      double dynamoWritesPerSecond,
      double apiReadUnitsPerSecond,
      double sseReadUnitsPerSecond,
      int provisionedWcu,
      int provisionedRcu,
      int apiReplicas,
      double storageGb,
      double mqttCost,
      double kinesisCost,
      double gatewayCost,
      double flinkCost,
      double dynamoCost,
      double dynamoOnDemandWriteCost,
      double apiCost) {

    public double dynamoReadsPerSecond() {
      return apiReadUnitsPerSecond + sseReadUnitsPerSecond;
    }

    public double totalCost() {
      return mqttCost + kinesisCost + gatewayCost + flinkCost + dynamoCost + apiCost;
    }
  }

  /** The sizing with the MQTT option deploy/README.md recommends for the fleet's rate. */
  public Sizing size(double devices, double readingsPerDevicePerSecond) {
    return size(
        devices,
        readingsPerDevicePerSecond,
        MqttOption.recommendedFor(devices * readingsPerDevicePerSecond));
  }

  public Sizing size(double devices, double readingsPerDevicePerSecond, MqttOption mqtt) {
    Prices p = a.prices();
    double msgs = devices * readingsPerDevicePerSecond;
    double bytes = msgs * (a.messageBytes() + a.userRecordOverheadBytes());

    // Gateway: CPU, and on IoT Core also the per-connection quota (the HPA scales on CPU only).
    double gatewayCores = mqtt == MqttOption.IOT_RULE ? 0 : msgs / a.gatewayMessagesPerCoreSecond();
    int gatewayReplicas =
        switch (mqtt) {
          case IOT_RULE -> 0;
          case MOSQUITTO -> replicas(gatewayCores);
          case IOT_CORE ->
              Math.max(replicas(gatewayCores), (int) Math.ceil(msgs / IOT_CORE_MSGS_PER_REPLICA));
        };

    // Kinesis: a shard takes 1 MiB/s and 1,000 records/s, both at the target utilization.
    int shards =
        (int)
            Math.max(
                1, Math.ceil(bytes / (KINESIS_SHARD_BYTES_PER_SECOND * a.targetUtilization())));
    while (kinesisRecords(msgs, gatewayReplicas, shards, mqtt) / shards
        > KINESIS_SHARD_RECORDS_PER_SECOND * a.targetUtilization()) {
      shards++;
    }
    double records = kinesisRecords(msgs, gatewayReplicas, shards, mqtt);
    double putUnitsPerSecond =
        records * Math.max(1, Math.ceil(bytes / records / KINESIS_PUT_UNIT_BYTES));

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

    // Reads: API requests (single items, and device list pages of many items), and the SSE
    // pollers: each API replica queries the byBuildingUpdated index of every building one of its
    // clients watches, once a second.
    double apiRequests = devices * a.apiRequestsPerDevicePerSecond();
    double apiCores = apiRequests * a.apiCpuMsPerRequest() / 1000.0;
    int apiReplicas = replicas(apiCores);
    double apiReads =
        apiRequests * ((1 - a.listPageShare()) * 1 + a.listPageShare() * listPageReadUnits());
    double pollers =
        buildings
            * a.watchedBuildingShare()
            * Math.min(apiReplicas, a.sseClientsPerWatchedBuilding());
    double sseReads = pollers * 0.5; // a GSI query, mostly empty: the 0.5-unit minimum
    int wcu = (int) Math.ceil(writes / a.targetUtilization());
    int rcu = (int) Math.max(1, Math.ceil((apiReads + sseReads) / a.targetUtilization()));

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
    double replicaHour = p.fargateVcpuHour() + 2 * p.fargateGbHour(); // 1 vCPU, 2 GB per replica
    double brokerCores = mqtt == MqttOption.MOSQUITTO ? msgs / a.brokerMessagesPerCoreSecond() : 0;
    double connectivity = devices * 60 * hours * p.iotConnectionMinutePerMillion() / 1e6;
    double mqttCost =
        switch (mqtt) {
            // each reading is billed in (device -> IoT Core) and out (IoT Core -> gateway)
          case IOT_CORE ->
              iotMessageCost(2 * msgs * month, p.iotMessagePerMillion()) + connectivity;
          case IOT_RULE ->
              iotMessageCost(msgs * month, p.iotMessagePerMillion())
                  + msgs
                      * month
                      * (p.iotRuleTriggeredPerMillion() + p.iotRuleActionPerMillion())
                      / 1e6
                  + connectivity;
          case MOSQUITTO ->
              hours * (p.nlbHour() + p.nlcuHour() * nlcus(devices, bytes))
                  + Math.max(1, Math.ceil(brokerCores / a.targetUtilization()))
                      * hours
                      * replicaHour;
        };
    double kinesis =
        shards * hours * p.kinesisShardHour()
            + putUnitsPerSecond * month * p.kinesisPutUnitPerMillion() / 1e6;
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
        mqtt,
        devices,
        msgs,
        bytes,
        records,
        putUnitsPerSecond,
        shards,
        gatewayReplicas,
        gatewayCores,
        brokerCores,
        parallelism,
        flinkCores,
        writes,
        apiReads,
        sseReads,
        wcu,
        rcu,
        apiReplicas,
        storageGb,
        mqttCost,
        kinesis,
        gateway,
        flink,
        dynamo,
        dynamoOnDemandWrites,
        api);
  }

  /**
   * Records/s into the stream: through the gateway, each replica writes its own aggregate to every
   * shard up to 20 times a second (fewer when it has fewer messages for the shard); the IoT rule
   * writes one record per reading.
   */
  static double kinesisRecords(double msgs, int gatewayReplicas, int shards, MqttOption mqtt) {
    if (mqtt == MqttOption.IOT_RULE) {
      return msgs;
    }
    double perReplicaAndShard = msgs / gatewayReplicas / shards;
    return gatewayReplicas
        * shards
        * Math.min(GATEWAY_RECORDS_PER_SHARD_PER_SECOND, perReplicaAndShard);
  }

  /** Read units of one device list page: its items' bytes, eventually consistent (half price). */
  double listPageReadUnits() {
    return Math.ceil(a.listPageItems() * a.healthItemMeanKiB() / DYNAMO_READ_UNIT_KIB) * 0.5;
  }

  /**
   * NLB capacity units for MQTT over TLS passed through (TCP): the largest of active connections
   * (100,000 per NLCU; every device keeps one open), new connections (800/s: reconnects, left out)
   * and processed bytes (1 GB per hour per NLCU).
   */
  static double nlcus(double devices, double bytesPerSecond) {
    return Math.max(devices / 100_000, bytesPerSecond * 3600 / 1e9);
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
