package io.smartbuilding.gateway;

import io.smartbuilding.contracts.kinesis.StreamProvisioner;
import io.smartbuilding.contracts.telemetry.Telemetry;
import io.smartbuilding.contracts.telemetry.TelemetryCodec;
import io.smartbuilding.contracts.telemetry.TelemetryTopic;
import io.smartbuilding.contracts.testing.LocalAwsClients;
import io.smartbuilding.contracts.testing.LocalStandIns;
import io.smartbuilding.contracts.testing.LoopbackProcess;
import io.smartbuilding.gateway.ingest.PendingMessage;
import io.smartbuilding.gateway.kinesis.KinesisRecordSink;
import io.smartbuilding.gateway.kinesis.OutgoingRecord;
import io.smartbuilding.gateway.kinesis.RecordAggregator;
import io.smartbuilding.gateway.kinesis.ShardMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Not part of {@code verify} (the name matches neither surefire's nor failsafe's patterns). Run:
 * {@code ../mvnw -B -q package -DskipTests && ../mvnw -B -q surefire:test -Dtest=GatewayBenchmark}.
 *
 * <p>On one loopback Mosquitto and kinesis-local, in the same run: (a) a raw SDK producer that
 * aggregates the same payloads the same way (KPL format per shard, the gateway's aggregator) and
 * calls PutRecords on one thread; (b) the packaged gateway fed by a Paho QoS 1 publisher.
 * Throughput = messages / (first submit -> last one visible through GetRecords). Latency, at a
 * paced rate below capacity = submit (publish, for the gateway) -> visible through GetRecords.
 * Writes target/bench/result.md.
 */
class GatewayBenchmark {

  private static final int MESSAGES = Integer.getInteger("bench.messages", 20_000);
  private static final int PACED_MESSAGES = Integer.getInteger("bench.pacedMessages", 3_000);
  private static final int PACED_RATE = Integer.getInteger("bench.pacedRate", 500);
  private static final int DEVICES = 200;
  private static final Path WORK = Path.of("target/bench");
  private final TelemetryCodec codec = new TelemetryCodec();

  @Test
  void compareGatewayWithARawProducer() throws Exception {
    try (LoopbackProcess mosquitto = LocalStandIns.mosquitto(WORK);
        LoopbackProcess kinesis = LocalStandIns.kinesis(WORK);
        KinesisClient client = LocalAwsClients.kinesis(kinesis)) {
      StreamProvisioner streams = new StreamProvisioner(client);
      for (String s : List.of("bench-warmup", "bench-raw", "bench-raw-paced", "bench-gw")) {
        streams.createIfMissing(s, 2);
      }
      raw(client, "bench-warmup", 0, "warm-", kinesis); // JIT of both JVM and Node first
      Result raw = raw(client, "bench-raw", 0, "dev-", kinesis);
      Result rawPaced = raw(client, "bench-raw-paced", PACED_RATE, "pdev-", kinesis);

      Result gw;
      Result gwPaced;
      long[] rss = new long[1];
      // One gateway for both runs: a second client id in the same share group would leave half
      // of the messages queued for the first one's persistent session once it is gone.
      try (GatewayProcess gateway = new GatewayProcess(Map.of(
              "gateway.mqtt.broker-url", "tcp://127.0.0.1:" + mosquitto.port(),
              "gateway.mqtt.client-id", "gateway-bench",
              "gateway.kinesis.endpoint-override", LocalStandIns.endpoint(kinesis),
              "gateway.kinesis.stream", "bench-gw",
              "gateway.dead-letter.stream", "bench-gw-dlq",
              "gateway.kinesis.shards", "2"), WORK, "gateway").start()) {
        awaitReady(gateway);
        viaGateway(client, mosquitto, "bench-gw", 0, "warm-", kinesis, gateway, rss, 2_000);
        gw = viaGateway(client, mosquitto, "bench-gw", 0, "dev-", kinesis, gateway, rss, MESSAGES);
        gwPaced = viaGateway(client, mosquitto, "bench-gw", PACED_RATE, "pdev-", kinesis, gateway,
            rss, PACED_MESSAGES);
      }

      String table = String.join("\n",
          "| run | messages | msgs/s | all submitted after (s) | submit -> visible p50 / p99 (ms) | lost | kinesis-local CPU s | gateway CPU s |",
          "|---|---|---|---|---|---|---|---|",
          raw.row("raw SDK producer, unpaced"),
          gw.row("gateway (Paho QoS 1 -> gateway), unpaced"),
          rawPaced.row("raw SDK producer, paced " + PACED_RATE + "/s"),
          gwPaced.row("gateway, paced " + PACED_RATE + "/s"),
          "",
          String.format("gateway/raw throughput ratio: %.2f; gateway RSS max %d MiB; %s, %d cores",
              gw.rate() / raw.rate(), rss[0] / 1024, Instant.now(),
              Runtime.getRuntime().availableProcessors()),
          "");
      System.out.println(table);
      Files.writeString(WORK.resolve("result.md"), table);
    }
  }

  private record Result(int messages, double seconds, double submitSeconds, long[] latenciesMs,
      int lost, double kinesisCpu, double gatewayCpu) {
    double rate() {
      return messages / seconds;
    }

    String row(String name) {
      long[] l = latenciesMs.clone();
      Arrays.sort(l);
      return String.format("| %s | %d | %.0f | %.1f | %d / %d | %d | %.1f | %s |", name, messages,
          rate(), submitSeconds,
          l[l.length / 2], l[(int) (l.length * 0.99)], lost, kinesisCpu,
          gatewayCpu < 0 ? "-" : String.format("%.1f", gatewayCpu));
    }
  }

  /** Raw producer: the same aggregation, PutRecords on this thread, refused records retried. */
  private Result raw(KinesisClient client, String stream, int rate, String devicePrefix,
      LoopbackProcess kinesis) throws Exception {
    int total = devicePrefix.equals("warm-") ? 2_000 : rate == 0 ? MESSAGES : PACED_MESSAGES;
    KinesisRecordSink sink = new KinesisRecordSink(client, stream);
    ShardMap shards = sink.shardMap();
    RecordAggregator aggregator = new RecordAggregator(1_000_000);
    Map<String, Long> submitted = new ConcurrentHashMap<>();
    Visibility seen = new Visibility(client, stream).start();
    double cpu0 = cpuSeconds(kinesis.pid());
    long start = System.nanoTime();
    int sent = 0;
    int batchSize = rate == 0 ? 5000 : Math.max(1, rate / 20); // paced: a batch per 50 ms
    while (sent < total) {
      List<PendingMessage> batch = new ArrayList<>();
      for (int i = 0; i < batchSize && sent < total; i++, sent++) {
        Telemetry t = FleetPublisher.reading(devicePrefix + (sent % DEVICES), sent / DEVICES + 1);
        submitted.put(key(t), System.nanoTime());
        batch.add(new PendingMessage(t.deviceId(), codec.encode(t), () -> {}));
      }
      List<OutgoingRecord> pending = aggregator.aggregate(batch, shards);
      while (!pending.isEmpty()) {
        List<Optional<String>> results = sink.put(pending);
        List<OutgoingRecord> failed = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
          if (results.get(i).isPresent()) {
            failed.add(pending.get(i));
          }
        }
        pending = failed;
      }
      if (rate > 0) {
        pace(start, sent, rate);
      }
    }
    long submittedAll = System.nanoTime();
    seen.awaitAll(submitted.keySet(), Duration.ofMinutes(3));
    return seen.result(submitted, start, submittedAll, cpuSeconds(kinesis.pid()) - cpu0, -1);
  }

  private Result viaGateway(KinesisClient client, LoopbackProcess mosquitto, String stream, int rate,
      String devicePrefix, LoopbackProcess kinesis, GatewayProcess gateway, long[] rss, int total)
      throws Exception {
    Map<String, Long> submitted = new ConcurrentHashMap<>();
    Visibility seen = new Visibility(client, stream).start();
    double kinesisCpu0 = cpuSeconds(kinesis.pid());
    double gatewayCpu0 = cpuSeconds(gateway.pid());
    try (MqttClient publisher = new MqttClient(
        "tcp://127.0.0.1:" + mosquitto.port(), "bench-publisher-" + devicePrefix, new MemoryPersistence())) {
      MqttConnectOptions options = new MqttConnectOptions();
      options.setMaxInflight(1000);
      publisher.connect(options);
      long start = System.nanoTime();
      for (int sent = 0; sent < total; sent++) {
        Telemetry t = FleetPublisher.reading(devicePrefix + (sent % DEVICES), sent / DEVICES + 1);
        submitted.put(key(t), System.nanoTime());
        publisher.publish(TelemetryTopic.of(t.buildingId(), t.deviceId()), codec.encode(t), 1, false);
        if (rate > 0 && sent % Math.max(1, rate / 100) == 0) {
          pace(start, sent, rate);
        }
        if (sent % 1000 == 0) {
          rss[0] = Math.max(rss[0], gateway.rssKib());
        }
      }
      long submittedAll = System.nanoTime();
      publisher.disconnect();
      seen.awaitAll(submitted.keySet(), Duration.ofMinutes(3));
      rss[0] = Math.max(rss[0], gateway.rssKib());
      return seen.result(submitted, start, submittedAll, cpuSeconds(kinesis.pid()) - kinesisCpu0,
          cpuSeconds(gateway.pid()) - gatewayCpu0);
    }
  }

  /** Tails a stream on its own thread and notes when each (deviceId, seq) first shows up. */
  private final class Visibility {
    private final StreamTail tail;
    private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
    private final Thread thread = new Thread(this::run, "bench-tail");
    private volatile boolean running = true;

    Visibility(KinesisClient client, String stream) {
      // From now on: catching up with earlier runs' records would count as latency.
      this.tail = new StreamTail(client, stream, ShardIteratorType.LATEST);
    }

    Visibility start() {
      thread.start();
      return this;
    }

    private void run() {
      while (running) {
        try {
          List<StreamTail.Entry> entries = tail.poll();
          long now = System.nanoTime();
          for (StreamTail.Entry e : entries) {
            firstSeen.putIfAbsent(key(codec.decode(e.data())), now);
          }
          if (entries.isEmpty()) {
            Thread.sleep(10); // polling flat out would take the emulator's CPU from the writers
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    }

    void awaitAll(java.util.Set<String> keys, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!firstSeen.keySet().containsAll(keys) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      running = false;
      thread.join();
    }

    Result result(Map<String, Long> submitted, long start, long submittedAll, double kinesisCpu,
        double gatewayCpu) {
      long last = firstSeen.values().stream().mapToLong(Long::longValue).max().orElse(start);
      int lost = 0;
      List<Long> latencies = new ArrayList<>();
      for (Map.Entry<String, Long> s : submitted.entrySet()) {
        Long at = firstSeen.get(s.getKey());
        if (at == null) {
          lost++;
        } else {
          latencies.add(Duration.ofNanos(at - s.getValue()).toMillis());
        }
      }
      return new Result(submitted.size(), (last - start) / 1e9, (submittedAll - start) / 1e9,
          latencies.stream().mapToLong(Long::longValue).toArray(), lost, kinesisCpu, gatewayCpu);
    }
  }

  private static String key(Telemetry t) {
    return t.deviceId() + "#" + t.seq();
  }

  private static void pace(long start, int sent, int rate) throws InterruptedException {
    long due = start + (long) (sent * 1e9 / rate);
    long wait = due - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }

  private static void awaitReady(GatewayProcess gateway) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (gateway.readiness() != 200) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("gateway not ready; see " + gateway.log());
      }
      Thread.sleep(100);
    }
  }

  /** utime + stime of a process from /proc (Linux), in seconds. */
  private static double cpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    } catch (Exception e) {
      return Double.NaN;
    }
  }
}
