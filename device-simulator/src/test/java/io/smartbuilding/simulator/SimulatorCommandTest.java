package io.smartbuilding.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartbuilding.simulator.fleet.FleetSpec;
import io.smartbuilding.simulator.mqtt.MqttSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class SimulatorCommandTest {

  @Test
  void theDefaultsAreTheDemoFleet() {
    SimulatorCommand command = parse();
    SimulationSettings settings = command.simulationSettings();
    assertThat(settings.fleet()).isEqualTo(FleetSpec.DEMO);
    assertThat(settings.ratePerDevice()).isEqualTo(1.0);
    assertThat(settings.runsUntilStopped()).isTrue();
    assertThat(settings.seed()).isEqualTo(42);
    assertThat(settings.overheat()).isEqualTo(1);
    assertThat(settings.silent()).isEqualTo(1);
    assertThat(settings.faultAfter()).isEqualTo(Duration.ofSeconds(20));

    MqttSettings mqtt = command.mqttSettings();
    assertThat(mqtt.brokerUri()).isEqualTo("tcp://127.0.0.1:1883");
    assertThat(mqtt.qos()).isEqualTo(1);
    assertThat(mqtt.clientId()).isEqualTo("sim-" + ProcessHandle.current().pid());
    assertThat(mqtt.username()).isEmpty();
  }

  @Test
  void readsEveryOption() {
    SimulatorCommand command =
        parse(
            "--broker", "tcp://broker.example:1884",
            "--buildings", "3",
            "--floors", "5",
            "--devices-per-floor", "10",
            "--rate", "0.2",
            "--duration", "10m",
            "--seed", "7",
            "--overheat", "2",
            "--silent", "3",
            "--fault-after", "90s",
            "--qos", "0",
            "--client-id", "lab-sim",
            "--username", "alice",
            "--password", "secret");
    SimulationSettings settings = command.simulationSettings();
    assertThat(settings.fleet()).isEqualTo(new FleetSpec(3, 5, 10));
    assertThat(settings.ratePerDevice()).isEqualTo(0.2);
    assertThat(settings.period()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.duration()).isEqualTo(Duration.ofMinutes(10));
    assertThat(settings.seed()).isEqualTo(7);
    assertThat(settings.overheat()).isEqualTo(2);
    assertThat(settings.silent()).isEqualTo(3);
    assertThat(settings.faultAfter()).isEqualTo(Duration.ofSeconds(90));

    MqttSettings mqtt = command.mqttSettings();
    assertThat(mqtt.brokerUri()).isEqualTo("tcp://broker.example:1884");
    assertThat(mqtt.qos()).isZero();
    assertThat(mqtt.clientId()).startsWith("lab-sim-");
    assertThat(mqtt.username()).hasValue("alice");
    assertThat(mqtt.password()).hasValue("secret");
    assertThat(mqtt.toString()).doesNotContain("secret");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "--buildings 0                  | buildings must be between 1 and 999, got 0",
        "--floors 300                   | floors must be between 1 and 200, got 300",
        "--devices-per-floor 100        | devices per floor must be between 1 and 99, got 100",
        "--rate 0                       | rate must be above 0",
        "--rate -1                      | '-1' is not a rate",
        "--rate fast                    | Invalid value for option '--rate': 'fast' is not a"
            + " rate; use e.g. 1/s, 30/min",
        "--rate 5/fortnight             | '5/fortnight' is not a rate",
        "--rate 0/min                   | rate must be above 0",
        "--connections 0                | connections must be 1-64, got 0",
        "--max-inflight 0               | max inflight must be 1-65535, got 0",
        "--cafile /nonexistent/ca.pem --broker ssl://h:8883 | cannot read TLS file /nonexistent/ca.pem",
        "--cafile pom.xml               | need an ssl:// or wss:// broker",
        "--cert pom.xml --broker ssl://h:8883 | --cert and --key go together",
        "--scenario /nonexistent.yaml   | scenario file /nonexistent.yaml does not exist",
        "--random-faults 2              | random-faults must be a fraction of the fleet between 0"
            + " and 1",
        "--duration 10                  | '10' needs a unit",
        "--duration soon                | 'soon' is not a duration",
        "--fault-after -5s              | is not a duration",
        "--qos 2                        | QoS must be 0 or 1, got 2",
        "--broker localhost:1883        | broker must look like tcp://host:port",
        "--broker http://localhost:1883 | broker must look like tcp://host:port",
        "--client-id a/b                | client id prefix must be 1-40 letters",
        "--password secret              | a password needs a username",
        "--overheat 20                  | cannot make 20 devices overheat: the fleet has only 14",
        "--silent 99                    | cannot make 99 devices silent",
        "--overheat -1                  | must not be negative",
        "--nonsense                     | Unknown option: '--nonsense'",
      })
  void badOptionsExitWithCode2AndAClearMessage(String args, String message) {
    StringWriter err = new StringWriter();
    StringWriter out = new StringWriter();
    CommandLine cli = SimulatorCommand.commandLine(new SimulatorCommand());
    cli.setErr(new PrintWriter(err));
    cli.setOut(new PrintWriter(out));

    int exitCode = cli.execute(args.trim().split("\\s+"));

    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString())
        .startsWith("device-simulator: ")
        .contains(message)
        .contains("--help")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void helpExplainsEveryOptionWithItsDefault() {
    StringWriter out = new StringWriter();
    CommandLine cli = SimulatorCommand.commandLine(new SimulatorCommand());
    cli.setOut(new PrintWriter(out));

    assertThat(cli.execute("--help")).isZero();
    assertThat(out.toString())
        .contains(
            "--broker",
            "--buildings",
            "--floors",
            "--devices-per-floor",
            "--rate",
            "--duration",
            "--seed",
            "--overheat",
            "--silent",
            "--fault-after",
            "--qos",
            "--client-id",
            "--username",
            "--password",
            "--connections",
            "--max-inflight",
            "--cafile",
            "--cert",
            "--key",
            "--scenario",
            "--random-faults",
            "BATTERY_DRAIN",
            "simulators/{clientId}/status")
        .contains("Default: tcp://127.0.0.1:1883", "Default: 20s", "Default: 42");
  }

  @ParameterizedTest(name = "--rate {0} = {1}/s")
  @CsvSource({"1/s, 1.0", "2/s, 2.0", "30/min, 0.5", "120/h, 0.0333333", "0.2, 0.2", "5, 5.0"})
  void ratesReadAsPerSecondPerMinuteOrPerHour(String rate, double perSecond) {
    assertThat(parse("--rate", rate).simulationSettings().ratePerDevice())
        .isCloseTo(perSecond, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void connectionAndTlsOptionsReachTheMqttSettings() throws Exception {
    java.nio.file.Path pem = java.nio.file.Files.createTempFile("ca", ".pem");
    try {
      SimulatorCommand command =
          parse(
              "--broker", "ssl://iot.example:8883",
              "--connections", "4",
              "--max-inflight", "200",
              "--cafile", pem.toString());
      MqttSettings mqtt = command.mqttSettings();
      assertThat(command.connections).isEqualTo(4);
      assertThat(mqtt.maxInflight()).isEqualTo(200);
      assertThat(mqtt.tls().caFile()).hasValue(pem);
      assertThat(mqtt.tls().certFile()).isEmpty();
      assertThat(mqtt.statusTopic()).isEqualTo("simulators/" + mqtt.clientId() + "/status");
    } finally {
      java.nio.file.Files.delete(pem);
    }
  }

  @Test
  void aScenarioSetsTheRunAndTypedOptionsWin() {
    SimulationSettings fromFile = parse("--scenario", "scenarios/demo.yaml").simulationSettings();
    assertThat(fromFile.fleet()).isEqualTo(new FleetSpec(2, 3, 8));
    assertThat(fromFile.seed()).isEqualTo(7);
    assertThat(fromFile.duration()).isEqualTo(Duration.ofMinutes(10));
    assertThat(fromFile.overheat()).isZero();
    assertThat(fromFile.silent()).isZero();
    assertThat(fromFile.faultAfter()).isZero();
    assertThat(fromFile.timeline()).hasSizeGreaterThan(8);
    assertThat(fromFile.timeZone()).isEqualTo(java.time.ZoneId.of("Europe/Berlin"));

    SimulationSettings overridden =
        parse("--scenario", "scenarios/demo.yaml", "--rate", "30/min", "--duration", "1m", "--seed", "9")
            .simulationSettings();
    assertThat(overridden.ratePerDevice()).isEqualTo(0.5);
    assertThat(overridden.duration()).isEqualTo(Duration.ofMinutes(1));
    assertThat(overridden.seed()).isEqualTo(9);
    assertThat(overridden.timeline()).isEqualTo(fromFile.timeline());
  }

  private static SimulatorCommand parse(String... args) {
    SimulatorCommand command = new SimulatorCommand();
    SimulatorCommand.commandLine(command).parseArgs(args);
    return command;
  }
}
