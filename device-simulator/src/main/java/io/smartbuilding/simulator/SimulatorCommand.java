package io.smartbuilding.simulator;

import io.smartbuilding.simulator.fleet.FleetSpec;
import io.smartbuilding.simulator.mqtt.DeliveryStats;
import io.smartbuilding.simulator.mqtt.MqttSettings;
import io.smartbuilding.simulator.mqtt.ConnectionPool;
import io.smartbuilding.simulator.mqtt.TlsFiles;
import io.smartbuilding.simulator.scenario.Scenario;
import io.smartbuilding.simulator.scenario.ScenarioFile;
import java.nio.file.Path;
import java.util.List;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The command line: parses and checks the options, then runs the fleet until done or Ctrl-C. */
@Command(
    name = "device-simulator",
    mixinStandardHelpOptions = true,
    version = "device-simulator 0.1.0",
    sortOptions = false,
    showDefaultValues = true,
    usageHelpAutoWidth = true,
    description = {
      "Simulates a fleet of building devices publishing telemetry to an MQTT broker on"
          + " buildings/{buildingId}/devices/{deviceId}/telemetry. Readings follow office hours,"
          + " a daily temperature cycle and the weather; chosen devices overheat or go silent"
          + " after --fault-after.",
      "Faults: OVERHEAT, SILENT, SENSOR_DRIFT, STUCK_VALUE, BEARING_WEAR, CLOGGED_FILTER,"
          + " DROPOUTS, BATTERY_DRAIN, MALFORMED_BURST; place them with --scenario or spread"
          + " them with --random-faults.",
      "Each connection publishes 'online' (retained) on simulators/{clientId}/status and leaves"
          + " 'offline' as its MQTT last will.",
      "Progress goes to stderr every 5 s; Ctrl-C stops cleanly and prints a summary.",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:finished after --duration",
      "1:nothing was delivered: every reading failed",
      "2:invalid options",
      "130:stopped with Ctrl-C (143 with SIGTERM), after printing the summary"
    })
public final class SimulatorCommand implements Callable<Integer> {

  /** How long a stopping run waits for the broker to acknowledge what is in flight. */
  static final Duration ACK_GRACE = Duration.ofSeconds(5);

  /** How long to wait for the broker before the devices start anyway. */
  static final Duration FIRST_CONNECT_WAIT = Duration.ofSeconds(10);

  private static final Pattern CLIENT_ID_PREFIX = Pattern.compile("[A-Za-z0-9_-]{1,40}");

  @Option(
      names = "--broker",
      defaultValue = "tcp://127.0.0.1:1883",
      paramLabel = "URI",
      description = "MQTT broker: tcp://host:port, ssl://, ws:// or wss://.")
  String broker;

  @Option(
      names = "--buildings",
      defaultValue = "2",
      paramLabel = "N",
      description = "Buildings b1..bN.")
  int buildings;

  @Option(
      names = "--floors",
      defaultValue = "3",
      paramLabel = "N",
      description =
          "Floors per building; floor 0 is the plant floor (air handlers, chillers, elevator).")
  int floors;

  @Option(
      names = "--devices-per-floor",
      defaultValue = "8",
      paramLabel = "N",
      description =
          "Devices on each floor (1-99); office floors get an energy meter and zone sensors.")
  int devicesPerFloor;

  @Option(
      names = "--rate",
      defaultValue = "1",
      paramLabel = "RATE",
      converter = RateConverter.class,
      description =
          "Messages per device: 1/s, 30/min, 120/h, or a number per second (0.2 = one every 5 s).")
  double rate;

  @Option(
      names = "--duration",
      defaultValue = "0",
      paramLabel = "TIME",
      converter = DurationConverter.class,
      description = "How long to run, e.g. 30s, 10m, 1h; 0 runs until Ctrl-C.")
  Duration duration;

  @Option(
      names = "--seed",
      defaultValue = "42",
      paramLabel = "N",
      description = "Seed for the devices' character and the choice of faulty devices.")
  long seed;

  @Option(
      names = "--overheat",
      defaultValue = "1",
      paramLabel = "N",
      description =
          "Air handlers/chillers whose temperatureC climbs to ~75-80 °C after --fault-after.")
  int overheat;

  @Option(
      names = "--silent",
      defaultValue = "1",
      paramLabel = "N",
      description = "Devices reporting temperatureC that stop publishing after --fault-after.")
  int silent;

  @Option(
      names = "--fault-after",
      defaultValue = "20s",
      paramLabel = "TIME",
      converter = DurationConverter.class,
      description = "When the faults begin, from start.")
  Duration faultAfter;

  @Option(
      names = "--random-faults",
      defaultValue = "0",
      paramLabel = "FRACTION",
      description =
          "Share of the fleet (0-1) that gets a random fault (any kind the device can suffer) at a"
              + " random time within --duration (1 h if open-ended), drawn from --seed.")
  double randomFaults;

  @Option(
      names = "--scenario",
      paramLabel = "FILE",
      description =
          "YAML/JSON scenario: portfolio, seed, rate, duration and a fault timeline (see"
              + " scenarios/demo.yaml). Options given on the command line win over the file;"
              + " --overheat/--silent default to 0 with a scenario.")
  Path scenario;

  @Option(
      names = "--connections",
      defaultValue = "1",
      paramLabel = "N",
      description =
          "MQTT connections; devices are spread over them by id. Each has its own in-flight"
              + " window, so more connections carry more messages per second.")
  int connections;

  @Option(
      names = "--max-inflight",
      defaultValue = "1000",
      paramLabel = "N",
      description =
          "Unacknowledged QoS 1 messages per connection; when full, sending waits up to 0.5 s"
              + " for room, then counts the reading as refused.")
  int maxInflight;

  @Option(
      names = "--qos",
      defaultValue = "1",
      paramLabel = "0|1",
      description = "MQTT QoS of the telemetry (the contract says 1).")
  int qos;

  @Option(
      names = "--client-id",
      defaultValue = "sim",
      paramLabel = "PREFIX",
      description =
          "Client id prefix (letters, digits, _ and -); the process id is appended so two"
              + " simulators do not kick each other off.")
  String clientIdPrefix;

  @Option(names = "--username", description = "Broker user name (optional).")
  String username;

  @Option(names = "--password", description = "Broker password (optional; needs --username).")
  String password;

  @Option(
      names = "--cafile",
      paramLabel = "PEM",
      description = "CA certificate(s) to trust for an ssl:// broker (default: the JVM's).")
  Path caFile;

  @Option(
      names = "--cert",
      paramLabel = "PEM",
      description = "Client certificate for mutual TLS (AWS IoT Core); needs --key.")
  Path certFile;

  @Option(
      names = "--key",
      paramLabel = "PEM",
      description =
          "Client private key, unencrypted: PKCS#8 (BEGIN PRIVATE KEY, RSA or EC) or PKCS#1 RSA;"
              + " convert others with `openssl pkcs8 -topk8 -nocrypt`.")
  Path keyFile;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine(new SimulatorCommand()).execute(args));
  }

  /**
   * The picocli command with short error output: the message and a hint, no stack trace, exit 2.
   */
  static CommandLine commandLine(SimulatorCommand command) {
    CommandLine cli = new CommandLine(command);
    cli.setParameterExceptionHandler(
        (ParameterException e, String[] args) -> {
          PrintWriter err = e.getCommandLine().getErr();
          err.println("device-simulator: " + e.getMessage());
          err.println("Run with --help for the options and their defaults.");
          err.flush();
          return CommandLine.ExitCode.USAGE;
        });
    return cli;
  }

  /** The options as typed settings; a bad value ends in a clear message and exit code 2. */
  SimulationSettings simulationSettings() {
    try {
      if (scenario == null) {
        return new SimulationSettings(
            new FleetSpec(buildings, floors, devicesPerFloor),
            rate,
            duration,
            seed,
            overheat,
            silent,
            faultAfter,
            ZoneId.systemDefault(),
            List.of(),
            randomFaults);
      }
      Scenario file = ScenarioFile.read(scenario);
      boolean sized = given("--buildings") || given("--floors") || given("--devices-per-floor");
      return new SimulationSettings(
          sized ? new FleetSpec(buildings, floors, devicesPerFloor) : file.portfolio(),
          given("--rate") ? rate : file.ratePerDevice().orElse(rate),
          given("--duration") ? duration : file.duration().orElse(duration),
          given("--seed") ? seed : file.seed().orElse(seed),
          given("--overheat") ? overheat : 0,
          given("--silent") ? silent : 0,
          given("--fault-after") ? faultAfter : file.faultAfter().orElse(Duration.ZERO),
          file.timeZone().orElse(ZoneId.systemDefault()),
          sized ? List.of() : file.timeline(),
          given("--random-faults") ? randomFaults : file.randomFaults());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** Whether an option was typed, so it can win over the scenario file. */
  private boolean given(String option) {
    var parsed = spec.commandLine().getParseResult();
    return parsed != null && parsed.hasMatchedOption(option);
  }

  MqttSettings mqttSettings() {
    if (!CLIENT_ID_PREFIX.matcher(clientIdPrefix).matches()) {
      throw new ParameterException(
          spec.commandLine(),
          "client id prefix must be 1-40 letters, digits, _ or -, got '" + clientIdPrefix + "'");
    }
    try {
      return new MqttSettings(
          broker,
          clientIdPrefix + "-" + ProcessHandle.current().pid(),
          qos,
          Optional.ofNullable(username),
          Optional.ofNullable(password),
          maxInflight,
          new TlsFiles(
              Optional.ofNullable(caFile),
              Optional.ofNullable(certFile),
              Optional.ofNullable(keyFile)));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    SimulationSettings settings = simulationSettings();
    MqttSettings mqtt = mqttSettings();
    PrintWriter err = spec.commandLine().getErr();
    Status status = new Status(err);

    Simulation simulation;
    ConnectionPool publisher;
    try {
      publisher = new ConnectionPool(mqtt, connections, status::line);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    try {
      simulation = new Simulation(settings, publisher, Clock.systemUTC(), status::line);
    } catch (IllegalArgumentException e) {
      publisher.close();
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }

    CountDownLatch finished = new CountDownLatch(1);
    Thread onCtrlC =
        new Thread(
            () -> {
              stopAndReport(simulation, status);
              finished.countDown();
            },
            "simulator-shutdown");
    Runtime.getRuntime().addShutdownHook(onCtrlC);

    publisher.connect();
    if (!publisher.awaitConnected(FIRST_CONNECT_WAIT)) {
      status.line(
          "not connected after "
              + FIRST_CONNECT_WAIT.toSeconds()
              + "s; starting anyway, readings fail until the broker answers");
    }
    simulation.start();
    if (settings.runsUntilStopped()) {
      finished.await();
    } else {
      finished.await(settings.duration().toMillis(), TimeUnit.MILLISECONDS);
    }
    Simulation.Summary summary = stopAndReport(simulation, status);
    try {
      Runtime.getRuntime().removeShutdownHook(onCtrlC);
    } catch (IllegalStateException shuttingDown) {
      // Ctrl-C arrived meanwhile; the hook reports
    }
    DeliveryStats stats = summary.stats();
    return stats.acked() == 0 && stats.failed() > 0 ? 1 : 0;
  }

  private static Simulation.Summary stopAndReport(Simulation simulation, Status status) {
    synchronized (simulation) {
      boolean first = !status.reported;
      Simulation.Summary summary = simulation.stop(ACK_GRACE);
      if (first) {
        status.line(summary.line());
        if (!summary.allDelivered()) {
          status.line(
              summary.stats().notAcknowledged()
                  + " readings were not acknowledged within "
                  + ACK_GRACE.toSeconds()
                  + "s");
        }
        status.reported = true;
      }
      return summary;
    }
  }

  /** Status lines go to stderr so stdout stays free for piping. */
  private static final class Status {
    private final PrintWriter err;
    private volatile boolean reported;

    Status(PrintWriter err) {
      this.err = err;
    }

    synchronized void line(String text) {
      err.println(text);
      err.flush();
    }
  }
}
