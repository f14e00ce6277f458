package io.smartbuilding.local.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartbuilding.contracts.testing.LocalAwsClients;
import io.smartbuilding.local.chaos.FaultProxy.InjectedError;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Faults of the whole data path under load, each followed by recovery: a fleet whose every
 * (device, seq) is known publishes over MQTT QoS 1, a fault hits one part of the platform in the
 * middle of it, the fault ends, and then the tables the analytics job writes must account for
 * every message exactly once (metric-history counts per device = seqs sent, device health at the
 * last seq) and hold each alert episode once. See docs/fault-tests.md.
 *
 * <p>One stack serves all the faults, in order; each fault uses its own devices and its own slice
 * of event time, and the earlier fleets are counted again after the job's restart.
 */
@Tag("chaos")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformFaultIT {

  private static final Path WORK = Path.of("target/chaos").toAbsolutePath();

  private static ChaosStack stack;
  private static FaultRun run;

  @BeforeAll
  static void startStack() throws Exception {
    long started = System.nanoTime();
    run = FaultRun.start(WORK, ChaosStack.SHARED_SUBSCRIPTION, created -> stack = created);
    run.report("stack up in %.1f s (gateway pid %d, job pid %d)", FaultRun.seconds(started),
        stack.gateway.pid(), stack.job.pid());
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Order(1)
  void gatewayKilledUnderLoadLosesNothing() throws Exception {
    run.runThrough("kill-gateway", fleet -> {
      int exit = stack.gateway.kill9();
      assertThat(exit).as("SIGKILL exit code").isEqualTo(137);
      ChaosStack.sleep(2_000); // down for a while: the broker queues for its persistent session
      stack.gateway.start();
      stack.awaitGatewayReady(Duration.ofSeconds(120));
      return "gateway killed (SIGKILL) and restarted 2 s later";
    });
  }

  @Test
  @Order(2)
  void analyticsJobKilledUnderLoadLosesNothing() throws Exception {
    List<FaultRun.Counted> earlierSlices = run.counted();
    run.runThrough("kill-job", fleet -> {
      int exit = stack.job.kill9();
      assertThat(exit).as("SIGKILL exit code").isEqualTo(137);
      // While the job is down, its earlier output goes: only its replay can bring it back.
      for (FaultRun.Counted earlier : earlierSlices) {
        assertThat(run.ledger().deleteHistory(earlier.devices(), KnownFleet.METRIC))
            .as("history items of %s deleted", earlier.fault()).isPositive();
      }
      stack.job.start();
      stack.awaitJobRunning(Duration.ofSeconds(180));
      return "job killed (SIGKILL) and restarted at once";
    });
    // The local job restarts from the start of the stream (no checkpoint restore in local mode):
    // it wrote the earlier faults' history anew, and exactly.
    assertThat(earlierSlices).as("faults run before this one").isNotEmpty();
    for (FaultRun.Counted earlier : earlierSlices) {
      try {
        ChaosStack.awaitTrue(Duration.ofSeconds(60), "history of " + earlier.fault() + " again",
            null, () -> run.ledger()
                .historyCounts(earlier.devices(), KnownFleet.METRIC, earlier.before())
                .values().stream().allMatch(c -> c >= FaultRun.ROUNDS));
      } catch (IllegalStateException timedOut) {
        // the assertion below says which devices miss what
      }
      assertThat(run.ledger().historyCounts(earlier.devices(), KnownFleet.METRIC, earlier.before()))
          .as("history of %s after the job's restart", earlier.fault())
          .allSatisfy((device, count) -> assertThat(count).isEqualTo(FaultRun.ROUNDS));
    }
  }

  @Test
  @Order(3)
  void kinesisThrottlingSlowsDownAndCatchesUp() throws Exception {
    run.runThrough("kinesis-throttled", fleet -> {
      long before = stack.kinesisProxy.injected();
      stack.kinesisProxy.inject(0.4, List.of(InjectedError.KINESIS_THROUGHPUT_EXCEEDED,
          InjectedError.SERVICE_UNAVAILABLE));
      ChaosStack.sleep(12_000);
      stack.kinesisProxy.heal();
      long injected = stack.kinesisProxy.injected() - before;
      assertThat(injected).as("Kinesis requests answered with an error").isPositive();
      // both the gateway's writes and the job's reads went through the fault
      assertThat(stack.kinesisProxy.injectedByOperation())
          .as("refused Kinesis requests by operation")
          .hasEntrySatisfying("PutRecords", n -> assertThat(n).isPositive())
          .hasEntrySatisfying("GetRecords", n -> assertThat(n).isPositive());
      return "%d Kinesis requests answered 400 ProvisionedThroughputExceeded / 503 in 12 s %s"
          .formatted(injected, stack.kinesisProxy.injectedByOperation());
    });
  }

  @Test
  @Order(4)
  void dynamoDbThrottlingAndErrorsSlowDownAndCatchUp() throws Exception {
    run.runThrough("dynamodb-throttled", fleet -> {
      long before = stack.dynamoProxy.injected();
      stack.dynamoProxy.inject(0.4, List.of(InjectedError.DYNAMODB_THROUGHPUT_EXCEEDED,
          InjectedError.DYNAMODB_THROTTLING, InjectedError.INTERNAL_SERVER_ERROR));
      ChaosStack.sleep(12_000);
      stack.dynamoProxy.heal();
      long injected = stack.dynamoProxy.injected() - before;
      assertThat(injected).as("DynamoDB requests answered with an error").isPositive();
      // the job's batch writes (health, buildings, history) went through the fault
      assertThat(stack.dynamoProxy.injectedByOperation())
          .as("refused DynamoDB requests by operation")
          .hasEntrySatisfying("BatchWriteItem", n -> assertThat(n).isPositive());
      return ("%d DynamoDB requests answered 400 ProvisionedThroughputExceeded /"
          + " ThrottlingException / 500 in 12 s %s").formatted(injected,
          stack.dynamoProxy.injectedByOperation());
    });
  }

  @Test
  @Order(5)
  void networkDelayToKinesisAndDynamoDbSlowsDownAndCatchesUp() throws Exception {
    run.runThrough("network-delay", fleet -> {
      long kinesisBefore = stack.kinesisProxy.requests();
      long dynamoBefore = stack.dynamoProxy.requests();
      stack.kinesisProxy.delay(Duration.ofMillis(300));
      stack.dynamoProxy.delay(Duration.ofMillis(300));
      ChaosStack.sleep(12_000);
      stack.kinesisProxy.heal();
      stack.dynamoProxy.heal();
      long kinesisDelayed = stack.kinesisProxy.requests() - kinesisBefore;
      long dynamoDelayed = stack.dynamoProxy.requests() - dynamoBefore;
      assertThat(kinesisDelayed).as("Kinesis requests held while delayed").isPositive();
      assertThat(dynamoDelayed).as("DynamoDB requests held while delayed").isPositive();
      return "%d Kinesis and %d DynamoDB requests held 300 ms each for 12 s"
          .formatted(kinesisDelayed, dynamoDelayed);
    });
  }

  @Test
  @Order(8)
  void dynamoDbKilledLosesNothing() throws Exception {
    run.runThrough("kill-dynamodb", fleet -> {
      assertThat(stack.dynalite.kill9()).isEqualTo(137);
      ChaosStack.sleep(3_000);
      stack.startDynalite();
      return "dynalite (LevelDB on disk) killed (SIGKILL) and restarted 3 s later";
    });
  }

  @Test
  @Order(9)
  void hostileMqttPayloadsAreDeadLetteredAndValidTrafficArrives() throws Exception {
    List<HostilePayloads.Hostile> hostile = HostilePayloads.generate(run.nextPrefix(), 8L, 60);
    run.runThrough("hostile-payloads", fleet -> {
      try (MqttClient attacker = new MqttClient("tcp://127.0.0.1:" + stack.mqttPort,
          "chaos-hostile", new MemoryPersistence())) {
        attacker.connect();
        for (HostilePayloads.Hostile h : hostile) {
          MqttMessage m = new MqttMessage(h.payload());
          m.setQos(1);
          attacker.publish(h.topic(), m);
        }
        attacker.disconnect();
      }
      return "%d hostile payloads published among the fleet's".formatted(hostile.size());
    });
    Set<String> hostileTopics = hostile.stream().map(HostilePayloads.Hostile::topic)
        .collect(Collectors.toSet());
    List<DeadLetters.Envelope> envelopes;
    try (KinesisClient kinesis = LocalAwsClients.kinesis(stack.kinesis)) {
      // the gateway dead-letters as it goes; the last ones may still be on their way
      try {
        ChaosStack.awaitTrue(Duration.ofSeconds(60), "every hostile message dead-lettered", null,
            () -> DeadLetters.readAll(kinesis).stream().map(DeadLetters.Envelope::topic)
                .collect(Collectors.toSet()).containsAll(hostileTopics));
      } catch (IllegalStateException timedOut) {
        // the assertion below names what is missing
      }
      envelopes = DeadLetters.readAll(kinesis);
    }
    Set<String> deadLettered = envelopes.stream().map(DeadLetters.Envelope::topic)
        .filter(hostileTopics::contains).collect(Collectors.toSet());
    assertThat(deadLettered).as("hostile messages in the dead-letter stream")
        .isEqualTo(hostileTopics);
    assertThat(envelopes).as("dead letters that are not hostile messages")
        .allMatch(e -> hostileTopics.contains(e.topic()));
    List<String> badDevices = hostile.stream()
        .map(h -> h.topic().split("/")[3]).toList();
    assertThat(run.ledger().lastSeqs(badDevices)).as("device health of hostile senders")
        .allSatisfy((device, seq) -> assertThat(seq).isZero());
    run.report("%-20s %d envelopes for %d hostile messages, reasons %s", "", envelopes.size(),
        hostile.size(), envelopes.stream().collect(Collectors.groupingBy(
            DeadLetters.Envelope::reason, java.util.TreeMap::new, Collectors.counting())));
  }

}
