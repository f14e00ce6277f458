package io.smartbuilding.api.benchmark;

import io.smartbuilding.api.testing.StoredItems;
import io.smartbuilding.api.testing.TestTokens;
import io.smartbuilding.contracts.alert.AlertStatus;
import io.smartbuilding.contracts.alert.AlertType;
import io.smartbuilding.contracts.alert.Severity;
import io.smartbuilding.contracts.health.DeviceStatus;
import io.smartbuilding.contracts.tables.AlertTable;
import io.smartbuilding.contracts.tables.DeviceHealthTable;
import io.smartbuilding.contracts.tables.TableProvisioner;
import io.smartbuilding.contracts.tables.TableProvisioner.TableNames;
import io.smartbuilding.contracts.telemetry.DeviceType;
import io.smartbuilding.contracts.testing.LocalAwsClients;
import io.smartbuilding.contracts.testing.LocalStandIns;
import io.smartbuilding.contracts.testing.LoopbackProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The query API under load on one machine: dynalite seeded with {@value #BUILDINGS} buildings,
 * {@value #DEVICES} devices and {@value #ALERTS} alerts, the packaged API (target/quarkus-app) in
 * its own JVM, and this process as the load generator. For "open alerts of a building" and "device
 * health" it measures an open loop at a fixed rate (p50/p95/p99 from the scheduled send time) and a
 * closed loop (peak throughput), both through the API and with the same DynamoDB calls made
 * directly with the SDK, and the API's memory. See docs/benchmarks/query-api.md.
 *
 * <p>System properties: {@code benchmark.rate} (1000 requests/s), {@code benchmark.seconds} (20),
 * {@code benchmark.concurrency} (16 closed-loop workers), {@code benchmark.alertCache} (true: the
 * API's first-page alert list cache on), {@code benchmark.apiJvm} (JVM options of the API, default
 * {@code -Xmx128m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -Xss512k}; run with {@code MALLOC_ARENA_MAX=2} in the environment for
 * the RSS figures of docs/benchmarks/query-api.md).
 */
public final class QueryApiBenchmark {

  static final int BUILDINGS = 20;
  static final int DEVICES = 5_000;
  static final int ALERTS = 20_000;
  static final int PAGE = 50;

  private static final Path WORK = Path.of("target/benchmark");
  private static final Instant NOW = Instant.now();

  private final int rate = Integer.getInteger("benchmark.rate", 1000);
  private final int seconds = Integer.getInteger("benchmark.seconds", 20);
  private final int concurrency = Integer.getInteger("benchmark.concurrency", 16);
  private final String apiJvm =
      System.getProperty(
          "benchmark.apiJvm",
          "-Xmx128m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -Xss512k");
  /** The API's first-page alert list cache (smartbuilding.alert-list-cache.enabled). */
  private final boolean alertCache =
      Boolean.parseBoolean(System.getProperty("benchmark.alertCache", "true"));
  private final List<String> report = new ArrayList<>();
  private final List<String> cpu = new ArrayList<>();

  private DynamoDbClient dynamo;
  private HttpClient http;
  private ExecutorService sdkPool;
  private Process api;
  private String apiBase;
  private long dynalitePid;
  private String token;
  private List<String> deviceIds;

  public static void main(String[] args) throws Exception {
    new QueryApiBenchmark().run();
    System.exit(0);
  }

  private void run() throws Exception {
    Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException("build the API first: ../mvnw -B package -DskipTests");
    }
    Files.createDirectories(WORK);
    try (LoopbackProcess dynalite = LocalStandIns.dynamoDb(WORK.resolve("dynalite"))) {
      dynamo = LocalAwsClients.dynamoDb(dynalite);
      new TableProvisioner(dynamo).createIfMissing(TableNames.defaults());
      long seeded = System.nanoTime();
      seed();
      log(
          "seeded %d buildings, %d devices, %d alerts in %.1f s",
          BUILDINGS, DEVICES, ALERTS, (System.nanoTime() - seeded) / 1e9);

      TestTokens.ensureKeys();
      token = TestTokens.manager();
      startApi(jar, LocalStandIns.endpoint(dynalite));
      http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .executor(Executors.newFixedThreadPool(8))
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      sdkPool = Executors.newFixedThreadPool(64);
      report.add(
          "| Query | Path | Rate (req/s) | Done/s | Errors | p50 ms | p95 ms | p99 ms | max-rate"
              + " req/s (closed loop, "
              + concurrency
              + " workers) | API/direct |");
      report.add("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
      dynalitePid = dynalite.pid();
      long[] apiCpu = {cpuTicks(api.pid())};
      long[] dynaliteCpu = {cpuTicks(dynalite.pid())};

      measure("open alerts of a building", this::openAlertsViaApi, this::openAlertsDirect);
      measure("device health", this::healthViaApi, this::healthDirect);

      report.add("");
      report.add(
          "| Query | API CPU ms per request | dynalite CPU ms per request via API | dynalite CPU ms"
              + " per request direct |");
      report.add("| --- | ---: | ---: | ---: |");
      report.addAll(cpu);
      long rss = statusKb(api.pid(), "VmRSS:");
      long peak = statusKb(api.pid(), "VmHWM:");
      report.add("");
      report.add(
          String.format(
              Locale.ROOT,
              "API process: RSS %d MiB after the run, peak RSS %d MiB (JVM options: %s; alert"
                  + " list cache %s); CPU seconds over all phases: API %.1f, dynalite %.1f.",
              rss / 1024,
              peak / 1024,
              apiJvm,
              alertCache ? "on" : "off",
              (cpuTicks(api.pid()) - apiCpu[0]) / 100.0,
              (cpuTicks(dynalite.pid()) - dynaliteCpu[0]) / 100.0));
      String text = String.join("\n", report) + "\n";
      Files.writeString(WORK.resolve("results.md"), text);
      System.out.println();
      System.out.println(text);
    } finally {
      if (api != null) {
        api.destroy();
        api.waitFor(10, TimeUnit.SECONDS);
        api.destroyForcibly();
      }
      if (sdkPool != null) {
        sdkPool.shutdownNow();
      }
    }
  }

  private void measure(String name, LoadGenerator.Request viaApi, LoadGenerator.Request direct)
      throws Exception {
    log("%s: warm-up", name);
    // Closed loop, so a slow emulator cannot turn the warm-up into a long queue.
    LoadGenerator.closedLoop(() -> Executors.newFixedThreadPool(4), viaApi, 4, 10);
    LoadGenerator.closedLoop(() -> Executors.newFixedThreadPool(4), direct, 4, 5);
    long cpuBefore = cpuTicks(api.pid());
    long dynaliteBefore = cpuTicks(dynalitePid);
    log("%s: API, open loop at %d/s for %d s", name, rate, seconds);
    LoadGenerator.Result apiOpen = LoadGenerator.openLoop(viaApi, rate, seconds);
    int apiCount = Math.max(1, apiOpen.latencies().count());
    double apiCpuPerRequest = (cpuTicks(api.pid()) - cpuBefore) * 10.0 / apiCount;
    double dynaliteCpuViaApi = (cpuTicks(dynalitePid) - dynaliteBefore) * 10.0 / apiCount;
    log("%s: SDK, open loop at %d/s for %d s", name, rate, seconds);
    dynaliteBefore = cpuTicks(dynalitePid);
    LoadGenerator.Result directOpen = LoadGenerator.openLoop(direct, rate, seconds);
    double dynaliteCpuDirect =
        (cpuTicks(dynalitePid) - dynaliteBefore)
            * 10.0
            / Math.max(1, directOpen.latencies().count());
    log("%s: API, closed loop", name);
    LoadGenerator.Result apiMax =
        LoadGenerator.closedLoop(
            () -> Executors.newFixedThreadPool(concurrency), viaApi, concurrency, 10);
    log("%s: SDK, closed loop", name);
    LoadGenerator.Result directMax =
        LoadGenerator.closedLoop(
            () -> Executors.newFixedThreadPool(concurrency), direct, concurrency, 10);
    double ratio = apiMax.throughput() / directMax.throughput();
    report.add(row(name, "API", apiOpen, apiMax, String.format(Locale.ROOT, "%.2f", ratio)));
    report.add(row(name, "SDK direct", directOpen, directMax, ""));
    cpu.add(
        String.format(
            Locale.ROOT,
            "| %s | %.2f | %.2f | %.2f |",
            name,
            apiCpuPerRequest,
            dynaliteCpuViaApi,
            dynaliteCpuDirect));
  }

  private String row(
      String name, String path, LoadGenerator.Result open, LoadGenerator.Result max, String ratio) {
    Latencies l = open.latencies();
    return String.format(
        Locale.ROOT,
        "| %s | %s | %d | %.0f | %d | %.2f | %.2f | %.2f | %.0f | %s |",
        name,
        path,
        rate,
        open.throughput(),
        l.errors() + max.latencies().errors(),
        l.percentileMillis(50),
        l.percentileMillis(95),
        l.percentileMillis(99),
        max.throughput(),
        ratio);
  }

  // --- the two queries, through the API and directly ---

  private CompletableFuture<Boolean> openAlertsViaApi(int i) {
    return get(
        "/api/v1/alerts?buildingId=" + building(i % BUILDINGS) + "&status=open&limit=" + PAGE);
  }

  private CompletableFuture<Boolean> healthViaApi(int i) {
    return get("/api/v1/devices/" + deviceIds.get(spread(i, DEVICES)) + "/health");
  }

  /** The API's own strategy: Query byBuilding newest first, filter on status, read ahead. */
  private CompletableFuture<Boolean> openAlertsDirect(int i) {
    String buildingId = building(i % BUILDINGS);
    return CompletableFuture.supplyAsync(
        () -> {
          int found = 0;
          int readAhead = 4;
          Map<String, AttributeValue> start = null;
          do {
            Map<String, AttributeValue> from = start;
            int ask = Math.min((PAGE - found) * readAhead, 1000);
            readAhead *= 2;
            QueryResponse page =
                dynamo.query(
                    q ->
                        q.tableName(AlertTable.DEFAULT_NAME)
                            .indexName(AlertTable.BY_BUILDING)
                            .keyConditionExpression("#b = :b")
                            .filterExpression("#s = :s")
                            .expressionAttributeNames(
                                Map.of("#b", AlertTable.BUILDING_ID, "#s", AlertTable.STATUS))
                            .expressionAttributeValues(
                                Map.of(
                                    ":b", AttributeValue.fromS(buildingId),
                                    ":s", AttributeValue.fromS("open")))
                            .scanIndexForward(false)
                            .limit(ask)
                            .exclusiveStartKey(from));
            found += page.count();
            start =
                page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                    ? page.lastEvaluatedKey()
                    : null;
          } while (found < PAGE && start != null);
          return found > 0;
        },
        sdkPool);
  }

  private CompletableFuture<Boolean> healthDirect(int i) {
    String deviceId = deviceIds.get(spread(i, DEVICES));
    return CompletableFuture.supplyAsync(
        () ->
            dynamo
                .getItem(
                    g ->
                        g.tableName(DeviceHealthTable.DEFAULT_NAME)
                            .key(
                                Map.of(
                                    DeviceHealthTable.DEVICE_ID, AttributeValue.fromS(deviceId))))
                .hasItem(),
        sdkPool);
  }

  private CompletableFuture<Boolean> get(String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(apiBase + path))
            .header("Authorization", token)
            .timeout(Duration.ofSeconds(300))
            .GET()
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
        .thenApply(r -> r.statusCode() == 200);
  }

  /** Visits every device once per DEVICES requests, in a scattered order. */
  private static int spread(int i, int n) {
    return (int) ((i * 7919L) % n);
  }

  // --- setup ---

  private void seed() throws InterruptedException {
    Random random = new Random(42);
    DeviceType[] types = DeviceType.values();
    DeviceStatus[] statuses = {
      DeviceStatus.OK, DeviceStatus.OK, DeviceStatus.OK, DeviceStatus.DEGRADED
    };
    List<Map<String, AttributeValue>> buildings = new ArrayList<>();
    List<Map<String, AttributeValue>> devices = new ArrayList<>();
    List<Map<String, AttributeValue>> alerts = new ArrayList<>();
    deviceIds = new ArrayList<>();
    for (int b = 0; b < BUILDINGS; b++) {
      buildings.add(
          StoredItems.building(
              building(b),
              List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
              List.of("east", "north", "south", "west"),
              DEVICES / BUILDINGS,
              NOW));
    }
    AlertType[] alertTypes = AlertType.values();
    Severity[] severities = Severity.values();
    for (int d = 0; d < DEVICES; d++) {
      String buildingId = building(d % BUILDINGS);
      String deviceId = "%s-d%04d".formatted(buildingId, d);
      deviceIds.add(deviceId);
      devices.add(
          StoredItems.device(
              deviceId,
              buildingId,
              d % 10,
              List.of("east", "north", "south", "west").get(d % 4),
              types[d % types.length],
              statuses[d % statuses.length],
              NOW.minusSeconds(d % 60)));
      for (int a = 0; a < ALERTS / DEVICES; a++) {
        int kind = random.nextInt(20);
        AlertStatus status =
            kind < 2
                ? AlertStatus.OPEN
                : kind < 3 ? AlertStatus.ACKNOWLEDGED : AlertStatus.RESOLVED;
        // Open alerts are recent; resolved ones pile up over a month.
        long ageSeconds =
            status == AlertStatus.RESOLVED
                ? random.nextInt(30 * 86_400)
                : random.nextInt(2 * 86_400);
        alerts.add(
            StoredItems.alert(
                deviceId,
                buildingId,
                alertTypes[random.nextInt(alertTypes.length)],
                status,
                severities[random.nextInt(severities.length)],
                NOW.minusSeconds(ageSeconds).minusMillis(random.nextInt(1000))));
      }
    }
    put(TableNames.defaults().buildings(), buildings);
    put(TableNames.defaults().deviceHealth(), devices);
    put(TableNames.defaults().alerts(), alerts);
  }

  private void put(String table, List<Map<String, AttributeValue>> items)
      throws InterruptedException {
    ExecutorService writers = Executors.newFixedThreadPool(4);
    for (int from = 0; from < items.size(); from += 25) {
      List<WriteRequest> batch =
          items.subList(from, Math.min(from + 25, items.size())).stream()
              .map(
                  i ->
                      WriteRequest.builder()
                          .putRequest(PutRequest.builder().item(i).build())
                          .build())
              .toList();
      writers.submit(
          () -> {
            Map<String, List<WriteRequest>> pending = new HashMap<>(Map.of(table, batch));
            while (!pending.isEmpty()) {
              Map<String, List<WriteRequest>> request = pending;
              pending =
                  new HashMap<>(
                      dynamo.batchWriteItem(b -> b.requestItems(request)).unprocessedItems());
            }
          });
    }
    writers.shutdown();
    writers.awaitTermination(10, TimeUnit.MINUTES);
  }

  private void startApi(Path jar, String dynamoEndpoint) throws IOException, InterruptedException {
    int port = LoopbackProcess.freePort();
    apiBase = "http://127.0.0.1:" + port;
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(apiJvm.trim().split("\\s+")));
    command.addAll(
        List.of(
            "-Dquarkus.profile=local",
            "-Dquarkus.http.port=" + port,
            "-Dsmartbuilding.alert-list-cache.enabled=" + alertCache,
            "-Dquarkus.dynamodb.endpoint-override=" + dynamoEndpoint,
            // dynalite dies when a client drops a request mid-way (ECONNRESET is rethrown in its
            // request handler), which the SDK does on a timeout: under overload, wait instead.
            "-Dquarkus.dynamodb.api-call-timeout=300S",
            "-Dquarkus.dynamodb.api-call-attempt-timeout=300S",
            "-Dmp.jwt.verify.issuer=" + TestTokens.ISSUER,
            "-Dmp.jwt.verify.publickey.location=file:"
                + TestTokens.KEY_DIR.resolve("public-key.pem").toAbsolutePath(),
            "-jar",
            jar.toString()));
    api =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(WORK.resolve("api.log").toFile())
            .start();
    HttpClient probe = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try {
        HttpResponse<String> ready =
            probe.send(
                HttpRequest.newBuilder(URI.create(apiBase + "/q/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (ready.statusCode() == 200) {
          break;
        }
      } catch (IOException notYet) {
        // still starting
      }
      if (!api.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the API did not become ready; see " + WORK.resolve("api.log"));
      }
      Thread.sleep(200);
    }
    log(
        "API ready on %s (pid %d, RSS %d MiB)",
        apiBase, api.pid(), statusKb(api.pid(), "VmRSS:") / 1024);
  }

  private static String building(int b) {
    return "b%02d".formatted(b);
  }

  /** utime + stime of a process, in clock ticks (1/100 s on Linux). */
  private static long cpuTicks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  private static long statusKb(long pid, String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  private static void log(String format, Object... args) {
    System.out.printf(Locale.ROOT, "[benchmark] " + format + "%n", args);
  }
}
