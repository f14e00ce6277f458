package io.smartbuilding.local.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The broker restarting under load (SIGTERM; the SIGKILL case is disabled, see there), with the
 * gateway on a plain persistent subscription: every (device, seq) still reaches the tables once.
 * The gateway's default shared subscription ($share) is not used here because Mosquitto 2.0.11
 * drops what is published to a shared subscription restored from its persistence file while the
 * member is offline (reproduced with mosquitto_sub/mosquitto_pub alone in docs/fault-tests.md,
 * finding 1); with it, these faults lose what the fleet sends before the gateway has reconnected.
 */
@Tag("chaos")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrokerRestartIT {

  private static final Path WORK = Path.of("target/chaos-broker").toAbsolutePath();

  private static ChaosStack stack;
  private static FaultRun run;

  @BeforeAll
  static void startStack() throws Exception {
    long started = System.nanoTime();
    run = FaultRun.start(WORK, ChaosStack.PLAIN_SUBSCRIPTION, created -> stack = created);
    run.report("stack up in %.1f s (gateway on a plain subscription)", FaultRun.seconds(started));
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Order(1)
  void brokerRestartLosesNothing() throws Exception {
    run.runThrough("broker-restart", fleet -> {
      // SIGTERM: Mosquitto writes its persistence file as it exits (137 would be the SIGKILL that
      // stop() falls back to, which is the other, disabled test)
      assertThat(stack.mosquitto.stop())
          .as("Mosquitto's exit code after SIGTERM")
          .isNotEqualTo(137);
      ChaosStack.sleep(2_000);
      stack.startMosquitto();
      return "Mosquitto stopped (SIGTERM) and started again 2 s later";
    });
  }

  @Disabled("Mosquitto is not durable when killed: it acknowledges a QoS 1 message before its"
      + " persistence file holds it (even with autosave_on_changes), and 2-8 of 3,000 were lost"
      + " per SIGKILL: docs/fault-tests.md, finding 1. Enable with a broker that persists first.")
  @Test
  @Order(2)
  void brokerKilledLosesNothing() throws Exception {
    run.runThrough("kill-broker", fleet -> {
      assertThat(stack.mosquitto.kill9()).isEqualTo(137);
      ChaosStack.sleep(2_000);
      stack.startMosquitto();
      return "Mosquitto killed (SIGKILL; persistence autosaved every 1 s) and restarted 2 s later";
    });
  }
}
