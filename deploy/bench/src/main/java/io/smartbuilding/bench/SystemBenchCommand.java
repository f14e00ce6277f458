package io.smartbuilding.bench;

import io.smartbuilding.bench.capacity.CapacityCommand;
import io.smartbuilding.bench.load.ApiClient;
import io.smartbuilding.bench.load.BenchDevice;
import io.smartbuilding.bench.load.LatencyProbe;
import io.smartbuilding.bench.load.LoadPublisher;
import io.smartbuilding.bench.measure.GatewayCounters;
import io.smartbuilding.bench.measure.ProcessSampler;
import io.smartbuilding.bench.measure.StreamAudit;
import io.smartbuilding.bench.report.RatePlot;
import io.smartbuilding.bench.report.ResultTable;
import io.smartbuilding.bench.report.StepResult;
import io.smartbuilding.bench.report.SustainRule;
import io.smartbuilding.bench.stack.LocalStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./platform bench}: the whole local stack at rising rates, until one is not sustained. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    subcommands = {CapacityCommand.class},
    description =
        "Starts the local stack (platform.sh up --no-simulator, on its own ports and state dir),"
            + " publishes MQTT QoS 1 telemetry at each rate in turn and reports per rate: msgs/s"
            + " accepted by the gateway, publish -> readable-through-the-API latency (p50/p95/p99),"
            + " lag, CPU and RSS of each process, failed sends and lost messages. Stops at the"
            + " first rate it cannot sustain and names the bottleneck. Writes system-bench.md,"
            + " .csv and .png to --out. Ctrl-C stops everything it started.")
public final class SystemBenchCommand implements Callable<Integer> {
  static final String STREAM = "smartbuilding-telemetry";

  @Option(
      names = "--repo",
      description = "Repository root (default: current directory).",
      defaultValue = ".")
  Path repo;

  @Option(
      names = "--rates",
      split = ",",
      description = "Total msgs/s to offer, in order (default: ${DEFAULT-VALUE}).",
      defaultValue = "250,500,1000,2000,4000")
  List<Integer> rates;

  @Option(
      names = "--step-seconds",
      description = "Publishing time per rate (default: ${DEFAULT-VALUE}).",
      defaultValue = "60")
  int stepSeconds;

  @Option(
      names = "--warmup-seconds",
      description =
          "Load at the first rate before measuring, for the JITs (default: ${DEFAULT-VALUE}).",
      defaultValue = "15")
  int warmupSeconds;

  @Option(
      names = "--devices",
      description = "Devices the load is spread over (default: ${DEFAULT-VALUE}).",
      defaultValue = "500")
  int devices;

  @Option(
      names = "--out",
      description = "Where results go, relative to --repo (default: ${DEFAULT-VALUE}).",
      defaultValue = "docs/benchmarks")
  Path out;

  @Option(
      names = "--port-base",
      description = "Ports N..N+6 for the stack (default: ${DEFAULT-VALUE}).",
      defaultValue = "27300")
  int portBase;

  @Option(
      names = "--state-dir",
      description = "State dir of the stack (default: <repo>/.local-stack/bench).")
  Path stateDir;

  @Option(
      names = "--no-build",
      description = "Use the module jars as they are (passed to platform.sh up).")
  boolean noBuild;

  @Option(
      names = "--max-p99-ms",
      description = "A p99 above this is not sustained (default: ${DEFAULT-VALUE}).",
      defaultValue = "10000")
  long maxP99Ms;

  @Option(
      names = "--min-accepted",
      description = "Share of the offered rate the gateway must store (default: ${DEFAULT-VALUE}).",
      defaultValue = "0.95")
  double minAccepted;

  @Option(
      names = "--final-drain-seconds",
      description =
          "At the end, how long to wait for a step whose drain did not catch up before its losses"
              + " are counted (default: ${DEFAULT-VALUE}).",
      defaultValue = "300")
  int finalDrainSeconds;

  @Option(names = "--keep-going", description = "Run every rate even after one was not sustained.")
  boolean keepGoing;

  private volatile boolean stopping;

  @Override
  public Integer call() throws Exception {
    Path root = repo.toAbsolutePath().normalize();
    Path state = stateDir != null ? stateDir.toAbsolutePath() : root.resolve(".local-stack/bench");
    Path outDir = root.resolve(out);
    Instant begin = Instant.now();
    // The probe's latency, the health-behind check and the drain all need the job to write a
    // device's health on every reading; production sets health.refresh-seconds to 60.
    double refresh = LocalStack.jobHealthRefreshSeconds(root);
    if (refresh != 0) {
      say(
          "analytics-job/config/local.properties sets health.refresh-seconds=%s; the benchmark"
              + " needs 0 (health written on every reading)",
          refresh);
      return 2;
    }
    say(
        "starting the stack (platform.sh up --no-simulator --port-base %d --state-dir %s); log: %s",
        portBase, state, state.resolve("platform-up.log"));
    LocalStack stack = LocalStack.on(root, state, portBase);
    Thread stopper =
        new Thread(
            () -> {
              stopping = true;
              say("stopping (signal)");
              stack.close();
            },
            "stop-stack");
    // Before the start-up, which takes minutes: Ctrl-C or SIGTERM then stops what started so far.
    Runtime.getRuntime().addShutdownHook(stopper);
    try {
      stack.start(!noBuild, Duration.ofMinutes(15)); // closes what it started when it fails
    } catch (Exception e) {
      removeHook(stopper);
      if (stopping) {
        return 130;
      }
      throw e;
    }
    say(
        "stack ready in %d s: %s",
        Duration.between(begin, Instant.now()).toSeconds(), stack.pids());
    List<StepResult> results = new ArrayList<>();
    RateStep.FinalAudit audited = null;
    try {
      Map<String, Long> pids = new LinkedHashMap<>(stack.pids());
      pids.put("system-bench", ProcessHandle.current().pid());
      String broker = "tcp://127.0.0.1:" + stack.mqttPort();
      ApiClient api = new ApiClient(stack.apiPort(), stack.managerToken());
      SustainRule rule = new SustainRule(minAccepted, maxP99Ms, 0.05, 5.0);
      try (LoadPublisher publisher = new LoadPublisher(broker, BenchDevice.fleet(devices));
          LatencyProbe probe = new LatencyProbe(broker, api, 250, 50);
          StreamAudit audit = new StreamAudit(stack.kinesisPort(), STREAM)) {
        RateStep step =
            new RateStep(
                publisher, probe, new GatewayCounters(stack.gatewayPort()), audit, api, pids, rule);
        step.warmUp(rates.get(0), warmupSeconds);
        for (int rate : rates) {
          StepResult result = step.run(rate, stepSeconds);
          results.add(result);
          say(
              "rate %d: %s",
              rate,
              result.verdict().sustained()
                  ? "sustained"
                  : "NOT sustained: " + String.join("; ", result.verdict().reasons()));
          if (!result.verdict().sustained()) {
            say("bottleneck: %s", result.verdict().bottleneck());
            if (!keepGoing) {
              break;
            }
          }
        }
        audited = step.finish(results, finalDrainSeconds);
        results = audited.steps();
      }
    } catch (Exception e) {
      if (stopping) {
        return 130; // stopped by Ctrl-C or SIGTERM: the errors are the stack going away
      }
      throw e;
    } finally {
      say("stopping the stack");
      stack.close();
      removeHook(stopper);
    }
    if (!results.isEmpty()) {
      write(results, outDir, begin);
    }
    say("done in %d s", Duration.between(begin, Instant.now()).toSeconds());
    return audited != null && audited.lost() == 0 ? 0 : 1;
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running already
    }
  }

  private void write(List<StepResult> results, Path outDir, Instant begin) throws Exception {
    Files.createDirectories(outDir);
    String header =
        String.format(
            "<!-- generated by ./platform bench on %s: %d devices, %d s per rate, %d CPUs, load"
                + " average at the end %s -->%n%n",
            begin, devices, stepSeconds, ProcessSampler.machineCpus(), loadAverage());
    String table = ResultTable.markdown(results);
    Files.writeString(outDir.resolve("system-bench.md"), header + table);
    Files.writeString(outDir.resolve("system-bench.csv"), ResultTable.csv(results));
    RatePlot.write(
        results,
        "./platform bench, "
            + begin.toString().substring(0, 16).replace('T', ' ')
            + " UTC, "
            + stepSeconds
            + " s per rate, "
            + devices
            + " devices",
        outDir.resolve("system-bench.png"));
    System.out.println();
    System.out.println(table);
    say("wrote %s, system-bench.csv and system-bench.png", outDir.resolve("system-bench.md"));
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (Exception e) {
      return "?";
    }
  }

  static void say(String format, Object... args) {
    System.out.printf("[bench] " + format + "%n", args);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new SystemBenchCommand()).execute(args));
  }
}
