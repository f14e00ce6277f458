package io.smartbuilding.local.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.smartbuilding.contracts.tables.AlertTable;
import io.smartbuilding.contracts.tables.StoredTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One fault under load on a {@link ChaosStack}: publishes a {@link KnownFleet}, inflicts the fault
 * once a third of it is acknowledged, and checks that every (device, seq) reaches the tables
 * exactly once and that the one overheat episode is one alert. Each run gets its own devices and
 * its own 10-minute slice of event time; the measured numbers go to {@code report.txt}.
 */
final class FaultRun {

  static final int DEVICES = 20;
  static final int ROUNDS = 150;
  /**
   * Event time between a device's readings (they are published much faster): 150 readings span five
   * 1-minute history windows, so windows fire and their items are written while the fault lasts.
   */
  private static final Duration STEP = Duration.ofSeconds(2);
  private static final int RATE = 300;
  private static final Duration CATCH_UP = Duration.ofSeconds(150);

  interface Fault {
    /** Injects the fault and ends it; returns what was done, for the report. */
    String inflict(KnownFleet fleet) throws Exception;
  }

  /** A fleet that has been counted, to count again after a later fault. */
  record Counted(String fault, List<String> devices, Instant before) {}

  private final ChaosStack stack;
  private final EndToEndLedger ledger;
  private final Path reportFile;
  private final Instant epoch =
      Instant.now().minus(Duration.ofHours(12)).truncatedTo(ChronoUnit.HOURS);
  private final List<Counted> counted = new ArrayList<>();
  private int slices;

  /**
   * Starts a stack working in {@code work}, with a fresh report file there. The stack is handed to
   * {@code created} before it starts, so that the caller's {@code @AfterAll} stops whatever started
   * even when starting fails.
   */
  static FaultRun start(Path work, String topicFilter, Consumer<ChaosStack> created)
      throws Exception {
    Files.createDirectories(work);
    Files.deleteIfExists(work.resolve("report.txt"));
    ChaosStack stack = new ChaosStack(work, topicFilter);
    created.accept(stack);
    stack.start();
    return new FaultRun(stack, work.resolve("report.txt"));
  }

  FaultRun(ChaosStack stack, Path reportFile) {
    this.stack = stack;
    this.ledger = new EndToEndLedger(stack.dynamo);
    this.reportFile = reportFile;
  }

  EndToEndLedger ledger() {
    return ledger;
  }

  List<Counted> counted() {
    return List.copyOf(counted);
  }

  /** The device-name prefix the next run will use. */
  String nextPrefix() {
    return "c" + (slices + 1);
  }

  void runThrough(String fault, Fault inflict) throws Exception {
    long started = System.nanoTime();
    Instant t0 = epoch.plus(Duration.ofMinutes(10L * slices++));
    String prefix = "c" + slices;
    String what;
    long healed;
    try (KnownFleet fleet = new KnownFleet(stack.mqttPort, prefix, DEVICES, ROUNDS, t0,
        STEP, RATE).start()) {
      ChaosStack.awaitTrue(Duration.ofSeconds(60), "a third of the fleet acknowledged", null,
          () -> fleet.acknowledged() >= fleet.total() / 3);
      long injectedAt = System.nanoTime();
      int acknowledgedAtFault = fleet.acknowledged();
      assertThat(acknowledgedAtFault).as("the fault starts while the fleet is publishing")
          .isLessThan(fleet.total());
      try {
        what = inflict.inflict(fleet);
      } finally {
        stack.kinesisProxy.heal();
        stack.dynamoProxy.heal();
      }
      healed = System.nanoTime();
      double faultSeconds = (healed - injectedAt) / 1e9;
      fleet.awaitAllAcknowledged(Duration.ofSeconds(120));
      List<String> devices = fleet.deviceIds();

      try {
        ChaosStack.awaitTrue(CATCH_UP, "every device's health at seq " + ROUNDS, null,
            () -> ledger.lastSeqs(devices).values().stream().allMatch(s -> s == ROUNDS));
      } catch (IllegalStateException timedOut) {
        assertThat(ledger.lastSeqs(devices))
            .as("last seq per device (health) after %s; gateway:%n%s", fault,
                stack.gatewayCounters())
            .allSatisfy((device, seq) -> assertThat(seq).isEqualTo(ROUNDS));
      }
      double caughtUp = seconds(healed);

      Instant closer = fleet.tsOf(ROUNDS).plus(Duration.ofMinutes(3));
      fleet.sendWatermarkClosers(closer);
      Instant before = closer.truncatedTo(ChronoUnit.MINUTES);
      try {
        ChaosStack.awaitTrue(CATCH_UP, "history counts of " + fault, null,
            () -> ledger.historyCounts(devices, KnownFleet.METRIC, before).values().stream()
                .allMatch(c -> c >= ROUNDS));
      } catch (IllegalStateException timedOut) {
        // fall through: the assertion below says which devices miss what
      }
      Map<String, Long> counts = ledger.historyCounts(devices, KnownFleet.METRIC, before);
      assertThat(counts).as("distinct readings counted per device (history) after " + fault)
          .allSatisfy((device, count) -> assertThat(count).isEqualTo(ROUNDS));
      // the seq-encoding metric: a loss and a duplicate that cancel out in the count change the sum
      double seqSum = 0;
      for (int seq = 1; seq <= ROUNDS; seq++) {
        seqSum += KnownFleet.seqValue(seq);
      }
      double expectedSeqSum = seqSum;
      assertThat(ledger.historyTotals(devices, KnownFleet.SEQ_METRIC, before))
          .as("sum of the seq-encoding metric per device (history) after " + fault)
          .allSatisfy((device, total) -> {
            assertThat(total.count()).isEqualTo(ROUNDS);
            assertThat(total.sum()).isCloseTo(expectedSeqSum, within(1e-6));
          });
      double historyDone = seconds(healed);

      // the OVERHEAT episode resolves through the alert sink's retries: awaited, then exact
      ChaosStack.awaitTrue(CATCH_UP, "the OVERHEAT alert of " + fault + " resolved", null,
          () -> ledger.alertsOf(devices).stream().anyMatch(a ->
              a.get(AlertTable.TYPE).s().equals("OVERHEAT")
                  && a.get(AlertTable.STATUS).s().equals("resolved")));
      List<Map<String, AttributeValue>> alerts = ledger.alertsOf(devices);
      List<Map<String, AttributeValue>> overheat = alerts.stream()
          .filter(a -> a.get(AlertTable.TYPE).s().equals("OVERHEAT")).toList();
      assertThat(overheat).as("OVERHEAT alerts after " + fault).hasSize(1);
      assertThat(overheat.get(0).get(AlertTable.DEVICE_ID).s()).isEqualTo(fleet.hotDevice());
      assertThat(overheat.get(0).get(AlertTable.STATUS).s()).isEqualTo("resolved");
      // the episode is the one the fleet sent, whatever was killed or retried in between
      assertThat(StoredTime.parse(overheat.get(0).get(AlertTable.OPENED_AT).s()))
          .as("OVERHEAT opened at the first hot reading").isEqualTo(fleet.tsOf(fleet.hotFrom()));
      assertThat(StoredTime.parse(overheat.get(0).get(AlertTable.RESOLVED_AT).s()))
          .as("OVERHEAT resolved at the first cool reading")
          .isEqualTo(fleet.tsOf(fleet.hotTo() + 1));
      assertThat(EndToEndLedger.overlappingEpisodes(alerts))
          .as("alert episodes written twice after " + fault).isEmpty();

      counted.add(new Counted(fault, devices, before));
      report("%-20s %s at %d of %d published; fault lasted %.1f s; published %d (%d devices x %d"
              + " seqs, %d resent by the fleet); counted %d distinct in history, %d alerts (%s),"
              + " 0 duplicated; health caught up %.1f s and history %.1f s after the fault ended;"
              + " test %.1f s",
          fault, what, acknowledgedAtFault, fleet.total(), faultSeconds, fleet.total(), DEVICES,
          ROUNDS, fleet.resent(),
          counts.values().stream().mapToLong(Long::longValue).sum(), alerts.size(),
          alerts.stream().collect(Collectors.groupingBy(a -> a.get(AlertTable.TYPE).s(),
              Collectors.counting())),
          caughtUp, historyDone, seconds(started));
    }
  }

  static double seconds(long sinceNanos) {
    return (System.nanoTime() - sinceNanos) / 1e9;
  }

  void report(String format, Object... args) throws Exception {
    String line = String.format(Locale.ROOT, format, args) + System.lineSeparator();
    System.out.print("[fault-tests] " + line);
    Files.writeString(reportFile, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
