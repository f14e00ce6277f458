package io.smartbuilding.simulator;

import io.smartbuilding.simulator.fault.FaultPlan;
import io.smartbuilding.simulator.fleet.Fleet;
import io.smartbuilding.simulator.fleet.FleetLayout;
import io.smartbuilding.simulator.mqtt.DeliveryStats;
import io.smartbuilding.simulator.mqtt.TelemetrySink;
import io.smartbuilding.simulator.physics.DeviceModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A run of the fleet: every device sends a reading each period, and the devices' start times are
 * spread evenly over the first period, so a thousand devices at 1/s send one message every
 * millisecond rather than a thousand at the top of each second.
 */
public final class Simulation {

  /** How often the progress line is printed. */
  public static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);

  private static final int SENDER_THREADS = 2;

  private final SimulationSettings settings;
  private final TelemetrySink sink;
  private final Clock clock;
  private final Consumer<String> status;
  private final Fleet fleet;
  private final FaultPlan faults;
  private final List<SimulatedDevice> devices = new ArrayList<>();
  private final AtomicInteger tickErrors = new AtomicInteger();
  private ScheduledThreadPoolExecutor senders;
  private ScheduledExecutorService progress;
  private Instant startedAt;
  private long startedNanos;
  private Summary summary;

  /**
   * @param status receives the banner, progress and connection lines (stderr in the CLI)
   * @throws IllegalArgumentException when the fleet cannot host the requested faults
   */
  public Simulation(
      SimulationSettings settings, TelemetrySink sink, Clock clock, Consumer<String> status) {
    this.settings = settings;
    this.sink = sink;
    this.clock = clock;
    this.status = status;
    this.fleet = FleetLayout.of(settings.fleet());
    this.faults = FaultPlan.choose(fleet, settings.overheat(), settings.silent(), settings.seed());
  }

  public Fleet fleet() {
    return fleet;
  }

  public FaultPlan faults() {
    return faults;
  }

  /** When the faults begin; known once started. */
  public synchronized Instant faultOnset() {
    if (startedAt == null) {
      throw new IllegalStateException("not started");
    }
    return startedAt.plus(settings.faultAfter());
  }

  public synchronized void start() {
    if (startedAt != null) {
      throw new IllegalStateException("already started");
    }
    startedAt = clock.instant();
    startedNanos = System.nanoTime();
    Instant onset = faultOnset();
    for (var device : fleet.devices()) {
      devices.add(
          new SimulatedDevice(
              device,
              DeviceModel.of(device, settings.seed(), settings.timeZone()),
              faults.faultFor(device, onset)));
    }
    status.accept(
        "simulating "
            + fleet.size()
            + " devices "
            + fleet.countByType()
            + " at "
            + settings.ratePerDevice()
            + " msg/s each; "
            + faults.describe(settings.faultAfter()));

    senders = new ScheduledThreadPoolExecutor(SENDER_THREADS, daemonThreads("simulator-sender"));
    senders.setRemoveOnCancelPolicy(true);
    long periodNanos = settings.period().toNanos();
    for (int i = 0; i < devices.size(); i++) {
      SimulatedDevice device = devices.get(i);
      long offset = startOffsetNanos(i, devices.size(), periodNanos);
      senders.scheduleAtFixedRate(() -> tick(device), offset, periodNanos, TimeUnit.NANOSECONDS);
    }

    progress = Executors.newSingleThreadScheduledExecutor(daemonThreads("simulator-progress"));
    long every = PROGRESS_INTERVAL.toMillis();
    DeliveryStats[] previous = {DeliveryStats.ZERO};
    progress.scheduleAtFixedRate(
        () -> {
          DeliveryStats now = sink.stats();
          status.accept(
              ProgressLine.progress(now, previous[0], PROGRESS_INTERVAL, sink.isConnected()));
          previous[0] = now;
        },
        every,
        every,
        TimeUnit.MILLISECONDS);
  }

  /** Device {@code index} of {@code count} first sends this far into the first period. */
  static long startOffsetNanos(int index, int count, long periodNanos) {
    return (long) ((double) periodNanos * index / count); // double: no overflow for slow rates
  }

  private void tick(SimulatedDevice device) {
    // An exception would silently cancel this device's schedule; report it and keep going.
    try {
      device.next(clock.instant().truncatedTo(ChronoUnit.MILLIS)).ifPresent(sink::publish);
    } catch (RuntimeException e) {
      if (tickErrors.getAndIncrement() < 10) {
        status.accept("device " + device.device().id() + " failed to produce a reading: " + e);
      }
    }
  }

  /**
   * Stops sending, waits up to {@code ackGrace} for outstanding acknowledgements and closes the
   * sink. Safe to call more than once (the run's end and Ctrl-C may race); later calls return the
   * first summary.
   */
  public synchronized Summary stop(Duration ackGrace) {
    if (summary != null) {
      return summary;
    }
    if (startedAt == null) {
      summary = new Summary(fleet.size(), DeliveryStats.ZERO, Duration.ZERO, true);
      sink.close();
      return summary;
    }
    senders.shutdown(); // cancels the schedules, lets a reading being published finish
    progress.shutdownNow();
    try {
      senders.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - startedNanos);
    boolean delivered = sink.awaitDelivered(ackGrace);
    DeliveryStats stats = sink.stats();
    sink.close();
    summary = new Summary(fleet.size(), stats, elapsed, delivered);
    return summary;
  }

  /** The devices of the run (empty before start), e.g. to read their last sequence numbers. */
  public synchronized List<SimulatedDevice> devices() {
    return List.copyOf(devices);
  }

  private static ThreadFactory daemonThreads(String name) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * The outcome of a run.
   *
   * @param allDelivered false when readings were still unacknowledged at the end of the grace time
   */
  public record Summary(int devices, DeliveryStats stats, Duration elapsed, boolean allDelivered) {

    public String line() {
      return ProgressLine.summary(devices, stats, elapsed);
    }
  }
}
