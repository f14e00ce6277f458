package io.smartbuilding.local.chaos;

import io.smartbuilding.contracts.testing.LocalStandIns;
import io.smartbuilding.contracts.testing.LoopbackProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The platform's data path as `./platform up` runs it (same jars, same local profile and job
 * config, see platform.sh), each piece a separate process a test can kill: Mosquitto,
 * kinesis-local, dynalite, ingest-gateway and the analytics job (Flink in-process). The gateway and
 * the job reach the AWS stand-ins through a {@link FaultProxy} each, which forwards unchanged until
 * a test injects latency or errors. The test's own checks talk to dynalite directly.
 */
final class ChaosStack implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final Path work;
  final Path root = LocalStandIns.repositoryRoot();
  // Ports of the servers a test kills and starts again: below the kernel's ephemeral range, so
  // that no client connection is given the freed port as its own while the server is down.
  final int mqttPort = restartablePort();
  final int dynamoPort = restartablePort();
  final ComponentProcess mosquitto;
  final LoopbackProcess kinesis;
  final ComponentProcess dynalite;
  final FaultProxy kinesisProxy;
  final FaultProxy dynamoProxy;
  final ComponentProcess gateway;
  final ComponentProcess job;
  final DynamoDbClient dynamo;
  final int gatewayHttpPort = restartablePort();
  final int flinkUiPort = restartablePort();
  private final List<AutoCloseable> started = new ArrayList<>();
  private final String gatewayTopicFilter;

  /** The gateway's default: a shared subscription, as in production. */
  static final String SHARED_SUBSCRIPTION = "$share/ingest-gateway/buildings/+/devices/+/telemetry";
  /** A plain subscription of the same topics (one gateway only). */
  static final String PLAIN_SUBSCRIPTION = "buildings/+/devices/+/telemetry";

  ChaosStack(Path work, String gatewayTopicFilter) {
    this.work = work.toAbsolutePath();
    this.gatewayTopicFilter = gatewayTopicFilter;
    // Every run starts empty: data left by an earlier run would be counted as this run's.
    for (String data : List.of("mosquitto-data", "dynalite-data", "checkpoints")) {
      deleteRecursively(this.work.resolve(data));
    }
    try {
      kinesis = track(LocalStandIns.kinesis(this.work)); // installs the npm stand-ins if missing
      mosquitto = track(new ComponentProcess("mosquitto", mosquittoCommand(), this.work));
      dynalite = track(new ComponentProcess("dynalite", dynaliteCommand(), this.work));
      kinesisProxy = track(new FaultProxy("kinesis-proxy", kinesis.port()).start());
      dynamoProxy = track(new FaultProxy("dynamodb-proxy", dynamoPort).start());
      dynamo = track(DynamoDbClient.builder()
          .endpointOverride(URI.create("http://127.0.0.1:" + dynamoPort))
          .region(Region.of(LocalStandIns.REGION))
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
              LocalStandIns.ACCESS_KEY, LocalStandIns.SECRET_KEY)))
          .httpClientBuilder(UrlConnectionHttpClient.builder())
          .build());
      gateway = track(new ComponentProcess("ingest-gateway", gatewayCommand(), this.work));
      job = track(new ComponentProcess("analytics-job", jobCommand(), this.work));
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Starts the gateway (it creates the stream) and then the job; waits until both are ready. */
  ChaosStack start() {
    startMosquitto();
    startDynalite();
    gateway.start();
    awaitGatewayReady(Duration.ofSeconds(120));
    job.start();
    awaitJobRunning(Duration.ofSeconds(180));
    return this;
  }

  void startMosquitto() {
    mosquitto.start().awaitPort(mqttPort, Duration.ofSeconds(30));
  }

  void startDynalite() {
    dynalite.start().awaitPort(dynamoPort, Duration.ofSeconds(60));
  }

  void awaitGatewayReady(Duration timeout) {
    awaitTrue(timeout, "ingest-gateway ready", gateway,
        () -> status("http://127.0.0.1:" + gatewayHttpPort + "/q/health/ready") == 200);
  }

  void awaitJobRunning(Duration timeout) {
    awaitTrue(timeout, "analytics-job RUNNING", job,
        () -> body("http://127.0.0.1:" + flinkUiPort + "/jobs/overview").contains("\"RUNNING\""));
  }

  /**
   * Mosquitto as platform.sh configures it, but durable: the broker stands in for AWS IoT Core,
   * which does not forget a persistent session's queued QoS 1 messages when it restarts.
   * platform.sh runs it without persistence (see docs/fault-tests.md).
   */
  private List<String> mosquittoCommand() {
    Path config = work.resolve("mosquitto-chaos.conf");
    Path data = work.resolve("mosquitto-data");
    try {
      Files.createDirectories(data);
      Files.writeString(config, String.join("\n",
          "listener " + mqttPort + " 127.0.0.1",
          "allow_anonymous true",
          // as root Mosquitto would switch to the mosquitto user, who cannot write here
          "user " + System.getProperty("user.name"),
          "persistence true",
          "persistence_location " + data + "/",
          // save after every change (queued message, subscription), not once a period: the
          // closest Mosquitto comes to a durable broker when it is killed
          "autosave_on_changes true",
          "autosave_interval 1",
          "max_inflight_messages 1000",
          "max_queued_messages 1000000",
          "log_dest stdout",
          "log_type error",
          "log_type warning",
          "log_type notice",
          ""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.of(mosquittoBinary(), "-c", config.toString());
  }

  /** dynalite as platform.sh starts it, but on disk (LevelDB) so that it can be killed. */
  private List<String> dynaliteCommand() {
    Path modules = root.resolve("deploy/local/node_modules");
    return List.of("node", "-r", root.resolve("deploy/local/loopback-only.js").toString(),
        modules.resolve("dynalite/cli.js").toString(), "--host", "127.0.0.1",
        "--port", String.valueOf(dynamoPort), "--path", work.resolve("dynalite-data").toString(),
        "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0");
  }

  private static String mosquittoBinary() {
    for (String candidate :
        List.of("/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    throw new IllegalStateException("Mosquitto is not installed (./platform install)");
  }

  /** The gateway's own counters (gateway_* lines of /q/metrics), to explain a failed count. */
  String gatewayCounters() {
    return body("http://127.0.0.1:" + gatewayHttpPort + "/q/metrics").lines()
        .filter(l -> l.startsWith("gateway_")).collect(java.util.stream.Collectors.joining("\n"));
  }

  private List<String> gatewayCommand() {
    Path jar = root.resolve("ingest-gateway/target/quarkus-app/quarkus-run.jar");
    requireFile(jar);
    return List.of(java(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx256m",
        "-Dquarkus.profile=local",
        "-Dquarkus.http.port=" + gatewayHttpPort,
        "-Dgateway.mqtt.broker-url=tcp://127.0.0.1:" + mqttPort,
        "-Dgateway.kinesis.endpoint-override=" + kinesisProxy.endpoint(),
        "-Dgateway.mqtt.topic-filter=" + gatewayTopicFilter,
        "-jar", jar.toString());
  }

  private List<String> jobCommand() {
    Path target = root.resolve("analytics-job/target");
    Path jar = target.resolve("analytics-job-0.1.0-SNAPSHOT.jar");
    Path classpath = target.resolve("local-classpath.txt");
    Path jvmOptions = target.resolve("jvm-options.txt");
    requireFile(jar);
    requireFile(classpath);
    requireFile(jvmOptions);
    try {
      Files.createDirectories(work.resolve("flink-tmp"));
      return List.of(java(), "@" + jvmOptions, "-Xmx768m",
          "-Djava.io.tmpdir=" + work.resolve("flink-tmp"),
          "-Dlog4j.configurationFile=" + root.resolve("deploy/local/log4j2-analytics.properties"),
          "-cp", jar + ":" + Files.readString(classpath).strip(),
          "io.smartbuilding.analytics.AnalyticsJob",
          "--config", root.resolve("analytics-job/config/local.properties").toString(),
          "--local", "true", "--local.web-ui-port", String.valueOf(flinkUiPort),
          "--kinesis.endpoint", kinesisProxy.endpoint(),
          "--dynamodb.endpoint", dynamoProxy.endpoint(),
          // OFFLINE runs on processing time: devices of earlier tests going quiet are not a fault
          "--rules.offline.after-seconds", "3600",
          "--checkpoint.interval-ms", "2000",
          "--checkpoint.dir", "file://" + work.resolve("checkpoints"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        // stop the rest anyway
      }
    }
    started.clear();
  }

  private <T extends AutoCloseable> T track(T closeable) {
    started.add(closeable);
    return closeable;
  }

  interface Check {
    boolean ok() throws Exception;
  }

  /** A free 127.0.0.1 port in 20000-31999 (Linux hands out ephemeral ports from 32768). */
  static int restartablePort() {
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = 20_000 + ThreadLocalRandom.current().nextInt(12_000);
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return port;
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IllegalStateException("no free port in 20000-31999 on 127.0.0.1");
  }

  static void awaitTrue(Duration timeout, String what, ComponentProcess process, Check check) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (process != null && !process.isAlive()) {
        throw new IllegalStateException(process + " exited; see " + process.log());
      }
      try {
        if (check.ok()) {
          return;
        }
      } catch (Exception notYet) {
        // keep polling
      }
      sleep(250);
    }
    throw new IllegalStateException("timed out after " + timeout + " waiting for " + what
        + (process == null ? "" : "; see " + process.log()));
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int status(String url) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3))
          .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static String body(String url) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3))
          .build(), HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not empty " + dir, e);
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static void requireFile(Path file) {
    if (!Files.exists(file)) {
      throw new IllegalStateException(file + " is missing: package the modules first"
          + " (./mvnw package -DskipTests)");
    }
  }
}
