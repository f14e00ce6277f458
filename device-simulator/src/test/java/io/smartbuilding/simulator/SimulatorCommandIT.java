package io.smartbuilding.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartbuilding.contracts.testing.LocalStandIns;
import io.smartbuilding.contracts.testing.LoopbackProcess;
import io.smartbuilding.simulator.mqtt.TelemetrySubscriber;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** The command line as a user runs it, in-process, against a real Mosquitto. */
@Timeout(120)
class SimulatorCommandIT {

  private static final Pattern SUMMARY =
      Pattern.compile(
          "summary: devices=(\\d+) .* sent=(\\d+) acked=(\\d+) failed=(\\d+)"
              + " .*not-acknowledged=(\\d+)");

  @Test
  void runsForTheGivenDurationAndReportsWhatItDelivered() throws Exception {
    try (LoopbackProcess mosquitto = LocalStandIns.mosquitto(Path.of("target/it/mosquitto-cli"));
        TelemetrySubscriber subscriber =
            new TelemetrySubscriber("tcp://127.0.0.1:" + mosquitto.port())) {
      StringWriter err = new StringWriter();
      CommandLine cli = SimulatorCommand.commandLine(new SimulatorCommand());
      cli.setErr(new PrintWriter(err, true));

      int exitCode =
          cli.execute(
              "--broker", "tcp://127.0.0.1:" + mosquitto.port(),
              "--buildings", "1",
              "--floors", "2",
              "--devices-per-floor", "3",
              "--rate", "10",
              "--duration", "3s",
              "--fault-after", "1s",
              "--client-id", "it-cli");

      String output = err.toString();
      assertThat(exitCode).as(output).isZero();
      assertThat(output)
          .contains("simulating 6 devices")
          .contains("connected to tcp://127.0.0.1:" + mosquitto.port() + " as it-cli-");
      Matcher summary = SUMMARY.matcher(output);
      assertThat(summary.find()).as(output).isTrue();
      long sent = Long.parseLong(summary.group(2));
      assertThat(Integer.parseInt(summary.group(1))).isEqualTo(6);
      assertThat(sent).isPositive();
      assertThat(Long.parseLong(summary.group(3))).isEqualTo(sent);
      assertThat(Long.parseLong(summary.group(4))).isZero();
      assertThat(Long.parseLong(summary.group(5))).isZero();

      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(() -> assertThat(subscriber.distinctCount()).isEqualTo(sent));
      assertThat(subscriber.invalid()).isEmpty();
    }
  }

  @Test
  void replaysAScenarioOverTwoConnections(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path scenario =
        java.nio.file.Files.writeString(
            dir.resolve("it.yaml"),
            String.join(
                "\n",
                "seed: 5",
                "rate: 600/min",
                "duration: 3s",
                "portfolio: {buildings: 1, floors: 2, devicesPerFloor: 4}",
                "faults:",
                "  - {at: 1s, device: b1-f1-zs-02, kind: SILENT}",
                "  - {at: 1s, device: b1-f1-zs-01, kind: MALFORMED_BURST, count: 8}",
                ""));
    try (LoopbackProcess mosquitto = LocalStandIns.mosquitto(Path.of("target/it/mosquitto-cli2"));
        TelemetrySubscriber subscriber =
            new TelemetrySubscriber("tcp://127.0.0.1:" + mosquitto.port())) {
      StringWriter err = new StringWriter();
      CommandLine cli = SimulatorCommand.commandLine(new SimulatorCommand());
      cli.setErr(new PrintWriter(err, true));

      int exitCode =
          cli.execute(
              "--broker", "tcp://127.0.0.1:" + mosquitto.port(),
              "--scenario", scenario.toString(),
              "--connections", "2",
              "--client-id", "it-scn");

      String output = err.toString();
      assertThat(exitCode).as(output).isZero();
      assertThat(output)
          .contains("simulating 8 devices", "over 2 connection(s)")
          .contains("as it-scn-", "-1", "-2")
          .contains("malformed={OVERSIZED=1, MALFORMED_JSON=1");
      Matcher summary = SUMMARY.matcher(output);
      assertThat(summary.find()).as(output).isTrue();
      long acked = Long.parseLong(summary.group(3));
      assertThat(Long.parseLong(summary.group(4))).isZero();
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(() -> assertThat(subscriber.deliveries()).isEqualTo(acked));
      // 8 malformed: all but the 1970 timestamp fail the contract at the subscriber
      assertThat(subscriber.invalid()).hasSize(7);
      var silent = subscriber.byDevice().get("b1-f1-zs-02");
      assertThat(silent).isNotEmpty();
      assertThat(subscriber.byDevice().get("b1-f1-zs-03").size())
          .as("the silent device stopped after 1 s of 3")
          .isGreaterThan(silent.size() * 2);
    }
  }
}
