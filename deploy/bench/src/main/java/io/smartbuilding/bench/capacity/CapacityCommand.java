package io.smartbuilding.bench.capacity;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./platform bench capacity}: the capacity model of docs/capacity-model.md as a table. */
@Command(
    name = "capacity",
    mixinStandardHelpOptions = true,
    description =
        "Prints what a fleet needs in production (Kinesis shards, gateway replicas, Flink"
            + " parallelism, DynamoDB capacity, API replicas) and its monthly cost at us-east-1"
            + " list prices, from the per-message costs measured on the local stack, for an MQTT"
            + " option (--mqtt). See docs/capacity-model.md.")
public final class CapacityCommand implements Callable<Integer> {
  @Option(
      names = "--devices",
      split = ",",
      description = "Fleet sizes (default: ${DEFAULT-VALUE}).",
      defaultValue = "10000,100000")
  List<Double> devices;

  @Option(
      names = "--interval-seconds",
      description = "Seconds between a device's readings (default: ${DEFAULT-VALUE}).",
      defaultValue = "10")
  double intervalSeconds;

  @Option(
      names = "--gateway-msgs-per-core",
      description = "Measured gateway msgs per CPU-second (default: ${DEFAULT-VALUE}).",
      defaultValue = "8300")
  double gatewayPerCore;

  @Option(
      names = "--job-events-per-core",
      description = "Measured Flink job events per CPU-second (default: ${DEFAULT-VALUE}).",
      defaultValue = "45000")
  double jobPerCore;

  @Option(
      names = "--health-refresh-seconds",
      description =
          "analytics-job's health.refresh-seconds: an unchanged device health is written at most"
              + " this often, 0 = on every reading (default: ${DEFAULT-VALUE}, as deployed).",
      defaultValue = "60")
  double healthRefreshSeconds;

  @Option(
      names = "--mqtt",
      description =
          "How readings reach Kinesis: iot-core (a: IoT Core, the gateway subscribes), iot-rule"
              + " (a': an IoT rule writes to Kinesis, no gateway), mosquitto (b: in-cluster broker"
              + " + gateway), all (a table each), or recommended: what deploy/README.md recommends"
              + " for each fleet size, iot-core up to 320 msgs/s, iot-rule above (default:"
              + " ${DEFAULT-VALUE}).",
      defaultValue = "recommended")
  String mqtt;

  @Override
  public Integer call() {
    CapacityModel.Assumptions d = CapacityModel.Assumptions.measuredDefaults();
    CapacityModel model =
        new CapacityModel(
            d.withPerCoreRates(gatewayPerCore, jobPerCore)
                .withHealthRefreshSeconds(healthRefreshSeconds));
    double rate = 1 / intervalSeconds;
    switch (mqtt) {
      case "recommended" -> System.out.print(table(model, devices, rate, null));
      case "all" -> {
        for (MqttOption option : MqttOption.values()) {
          System.out.printf("%n### %s%n%n", option.title());
          System.out.print(table(model, devices, rate, option));
        }
      }
      default -> System.out.print(table(model, devices, rate, MqttOption.fromFlag(mqtt)));
    }
    return 0;
  }

  /** One column per fleet; {@code option} null: the recommended option of each fleet. */
  public static String table(
      CapacityModel model, List<Double> fleets, double readingsPerSecond, MqttOption option) {
    List<CapacityModel.Sizing> sizes =
        fleets.stream()
            .map(
                n ->
                    option == null
                        ? model.size(n, readingsPerSecond)
                        : model.size(n, readingsPerSecond, option))
            .toList();
    StringBuilder md = new StringBuilder("| | ");
    sizes.forEach(s -> md.append(String.format(Locale.ROOT, "%,.0f devices | ", s.devices())));
    md.append("\n| --- |");
    sizes.forEach(s -> md.append(" ---: |"));
    md.append('\n');
    row(md, sizes, "MQTT option", s -> s.mqtt().title());
    row(md, sizes, "messages/s", s -> String.format(Locale.ROOT, "%,.0f", s.messagesPerSecond()));
    row(
        md,
        sizes,
        "ingest MB/s",
        s -> String.format(Locale.ROOT, "%.2f", s.ingestBytesPerSecond() / 1e6));
    row(
        md,
        sizes,
        "Kinesis records/s (PUT units/s)",
        s ->
            String.format(
                Locale.ROOT,
                "%,.0f (%,.0f)",
                s.kinesisRecordsPerSecond(),
                s.kinesisPutUnitsPerSecond()));
    row(md, sizes, "Kinesis shards", s -> Integer.toString(s.kinesisShards()));
    row(
        md,
        sizes,
        "gateway cores / replicas",
        s ->
            s.gatewayReplicas() == 0
                ? "-"
                : String.format(Locale.ROOT, "%.2f / %d", s.gatewayCores(), s.gatewayReplicas()));
    row(
        md,
        sizes,
        "broker cores (one Mosquitto: at most 1)",
        s ->
            s.mqtt() == MqttOption.MOSQUITTO
                ? String.format(Locale.ROOT, "%.2f", s.brokerCores())
                : "-");
    row(
        md,
        sizes,
        "Flink cores / parallelism (KPUs)",
        s ->
            String.format(
                Locale.ROOT,
                "%.2f / %d (%d)",
                s.flinkCores(),
                s.flinkParallelism(),
                s.flinkParallelism() + 1));
    row(
        md,
        sizes,
        "DynamoDB writes/s -> provisioned WCU",
        s ->
            String.format(
                Locale.ROOT, "%,.0f -> %,d", s.dynamoWritesPerSecond(), s.provisionedWcu()));
    row(
        md,
        sizes,
        "DynamoDB read units/s (API + SSE polls) -> provisioned RCU",
        s ->
            String.format(
                Locale.ROOT,
                "%,.0f + %,.0f -> %,d",
                s.apiReadUnitsPerSecond(),
                s.sseReadUnitsPerSecond(),
                s.provisionedRcu()));
    row(md, sizes, "DynamoDB storage GB", s -> String.format(Locale.ROOT, "%,.0f", s.storageGb()));
    row(md, sizes, "API replicas", s -> Integer.toString(s.apiReplicas()));
    row(md, sizes, "MQTT (IoT Core, or NLB + broker) $/month", s -> money(s.mqttCost()));
    row(md, sizes, "Kinesis $/month", s -> money(s.kinesisCost()));
    row(md, sizes, "gateway (Fargate) $/month", s -> money(s.gatewayCost()));
    row(md, sizes, "Managed Flink $/month", s -> money(s.flinkCost()));
    row(md, sizes, "DynamoDB provisioned $/month", s -> money(s.dynamoCost()));
    row(md, sizes, "(DynamoDB writes on demand instead)", s -> money(s.dynamoOnDemandWriteCost()));
    row(md, sizes, "API (Fargate) $/month", s -> money(s.apiCost()));
    row(md, sizes, "**total $/month**", s -> "**" + money(s.totalCost()) + "**");
    row(
        md,
        sizes,
        "per device $/month",
        s -> String.format(Locale.ROOT, "%.3f", s.totalCost() / s.devices()));
    return md.toString();
  }

  private static String money(double usd) {
    return String.format(Locale.ROOT, "%,.0f", usd);
  }

  private static void row(
      StringBuilder md,
      List<CapacityModel.Sizing> sizes,
      String label,
      java.util.function.Function<CapacityModel.Sizing, String> cell) {
    md.append("| ").append(label).append(" |");
    sizes.forEach(s -> md.append(' ').append(cell.apply(s)).append(" |"));
    md.append('\n');
  }
}
