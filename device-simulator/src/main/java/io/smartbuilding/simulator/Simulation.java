package io.smartbuilding.simulator;

import io.smartbuilding.contracts.telemetry.RejectReason;
import io.smartbuilding.contracts.telemetry.Telemetry;
import io.smartbuilding.simulator.fault.Fault;
import io.smartbuilding.simulator.fault.FaultPlan;
import io.smartbuilding.simulator.fault.MalformedPayloads;
import io.smartbuilding.simulator.fault.PlannedFault;
import io.smartbuilding.simulator.fleet.Device;
import io.smartbuilding.simulator.fleet.Fleet;
import io.smartbuilding.simulator.fleet.FleetLayout;
import io.smartbuilding.simulator.mqtt.DeliveryStats;
import io.smartbuilding.simulator.mqtt.TelemetrySink;
import io.smartbuilding.simulator.physics.DeviceModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * A run of the fleet: every device sends a reading each period, and the sends are spread evenly
 * over the period, so a thousand devices at 1/s send one message every millisecond rather than a
 * thousand at the top of each second. Two sender threads walk the fleet in time slots (no
 * per-device timers), which keeps 100,000 devices in a few tens of MiB.
 */
public final class Simulation {

  /** How often the progress line is printed. */
  public static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);

  /** One per core here: a shard's thread builds readings while Paho's threads write them. */
  private static final int SENDER_THREADS = 2;

  private final SimulationSettings settings;
  private final TelemetrySink sink;
  private final Clock clock;
  private final Consumer<String> status;
  private final Fleet fleet;
  private final FaultPlan faults;
  private final List<SimulatedDevice> devices = new ArrayList<>();
  private final AtomicInteger tickErrors = new AtomicInteger();
  private final List<Thread> workers = new ArrayList<>();
  private final LongAdder skipped = new LongAdder();
  private final Map<RejectReason, LongAdder> malformed = new EnumMap<>(RejectReason.class);
  private volatile boolean running = true;
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
    this.faults = plan(settings, fleet);
    for (RejectReason reason : RejectReason.values()) {
      malformed.put(reason, new LongAdder());
    }
  }

  /**
   * The demo victims, then the timeline's faults (checked against the fleet), then random ones.
   */
  static FaultPlan plan(SimulationSettings settings, Fleet fleet) {
    FaultPlan drawn =
        FaultPlan.choose(fleet, settings.overheat(), settings.silent(), settings.seed());
    List<PlannedFault> all = new ArrayList<>(drawn.faults());
    Map<String, Device> byId = fleet.byId();
    for (PlannedFault f : settings.timeline()) {
      Device device = byId.get(f.deviceId());
      if (device == null) {
        throw new IllegalArgumentException("fault " + f.kind() + ": no device '" + f.deviceId() + "' in the fleet");
      }
      if (!f.kind().appliesTo(device)) {
        throw new IllegalArgumentException(
            "fault " + f.kind() + " cannot hit " + f.deviceId() + ": it applies to " + f.kind().eligible());
      }
      all.add(f);
    }
    FaultPlan plan = new FaultPlan(all, settings.seed());
    return settings.randomFaultFraction() > 0
        ? plan.withRandomFaults(fleet, settings.randomFaultFraction(), settings.randomFaultWindow())
        : plan;
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
    Map<String, List<PlannedFault>> planned = faults.byDevice();
    for (var device : fleet.devices()) {
      List<PlannedFault> own = planned.getOrDefault(device.id(), List.of());
      devices.add(
          new SimulatedDevice(
              device,
              DeviceModel.of(device, settings.seed(), settings.timeZone()),
              own.isEmpty() ? Fault.NONE : faults.faultFor(device, onset, own),
              own.isEmpty() ? null : faults.malformedFor(onset, own).orElse(null)));
    }
    status.accept(
        "simulating "
            + fleet.size()
            + " devices "
            + fleet.countByType()
            + " at "
            + settings.ratePerDevice()
            + " msg/s each over "
            + sink.connections()
            + " connection(s); "
            + faults.describe(settings.faultAfter()));

    // The clock starts after the set-up, which takes a while for a big fleet.
    startedNanos = System.nanoTime();
    int threads = Math.min(SENDER_THREADS, devices.size());
    long periodNanos = settings.period().toNanos();
    for (int w = 0; w < threads; w++) {
      List<SimulatedDevice> shard = new ArrayList<>();
      for (int i = w; i < devices.size(); i += threads) {
        shard.add(devices.get(i));
      }
      // Shards interleave: shard w starts a fraction of one device slot later than shard w-1.
      long shift = startOffsetNanos(w, threads * shard.size(), periodNanos);
      Thread worker =
          new Thread(
              () -> walk(shard.toArray(new SimulatedDevice[0]), periodNanos, startedNanos + shift),
              "simulator-sender-" + (w + 1));
      worker.setDaemon(true);
      workers.add(worker);
    }
    workers.forEach(Thread::start);

    progress = Executors.newSingleThreadScheduledExecutor(daemonThreads("simulator-progress"));
    long every = PROGRESS_INTERVAL.toMillis();
    DeliveryStats[] previous = {DeliveryStats.ZERO};
    progress.scheduleAtFixedRate(
        () -> {
          DeliveryStats now = sink.stats();
          status.accept(
              ProgressLine.progress(
                  now, previous[0], PROGRESS_INTERVAL, sink.connectedCount(), sink.connections()));
          previous[0] = now;
        },
        every,
        every,
        TimeUnit.MILLISECONDS);
  }

  /**
   * Sends the readings of one shard of devices, in time slots rather than one timer per device:
   * send number {@code g} goes to device {@code g mod n} at {@code g * period / n}, so each device
   * sends once per period, the sends are evenly spread, and a fleet of any size costs one thread
   * and no per-device timers. A shard more than a whole period behind (the broker or the CPU is
   * the limit) skips the missed sends rather than bursting to catch up.
   */
  private void walk(SimulatedDevice[] shard, long periodNanos, long originNanos) {
    int n = shard.length;
    double slotNanos = (double) periodNanos / n;
    long g = 0;
    while (running) {
      long elapsed = System.nanoTime() - originNanos;
      if (elapsed >= 0) {
        long due = (long) (elapsed / slotNanos);
        if (due - g > n) {
          skipped.add(due - g - n);
          g = due - n;
        }
        while (g <= due && running) {
          tick(shard[(int) (g % n)]);
          g++;
        }
      }
      long wait = (long) (g * slotNanos) - (System.nanoTime() - originNanos);
      if (wait > 0) {
        LockSupport.parkNanos(Math.min(wait, 50_000_000L));
      }
    }
  }

  /** Device {@code index} of {@code count} first sends this far into the first period. */
  static long startOffsetNanos(int index, int count, long periodNanos) {
    return (long) ((double) periodNanos * index / count); // double: no overflow for slow rates
  }

  private void tick(SimulatedDevice device) {
    // One bad device must not stop its shard; report it and keep going.
    try {
      Instant now = Instant.ofEpochMilli(clock.millis());
      Optional<Telemetry> reading = device.next(now);
      if (reading.isEmpty()) {
        return;
      }
      Optional<RejectReason> spoiled = device.malformedAt(now);
      if (spoiled.isPresent()) {
        if (sink.publishRaw(MalformedPayloads.of(spoiled.get(), reading.get()))) {
          malformed.get(spoiled.get()).increment();
        }
      } else {
        sink.publish(reading.get());
      }
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
      summary =
          new Summary(fleet.size(), DeliveryStats.ZERO, Duration.ZERO, true, Map.of(), 0);
      sink.close();
      return summary;
    }
    running = false; // workers finish the reading in hand
    progress.shutdownNow();
    for (Thread worker : workers) {
      try {
        worker.join(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - startedNanos);
    boolean delivered = sink.awaitDelivered(ackGrace);
    DeliveryStats stats = sink.stats();
    sink.close();
    summary =
        new Summary(fleet.size(), stats, elapsed, delivered, malformedSent(), skipped.sum());
    return summary;
  }

  /** Malformed messages accepted by the sink so far, by the reject reason they aim at. */
  public Map<RejectReason, Long> malformedSent() {
    Map<RejectReason, Long> counts = new EnumMap<>(RejectReason.class);
    malformed.forEach(
        (reason, adder) -> {
          if (adder.sum() > 0) {
            counts.put(reason, adder.sum());
          }
        });
    return counts;
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
  public record Summary(
      int devices,
      DeliveryStats stats,
      Duration elapsed,
      boolean allDelivered,
      Map<RejectReason, Long> malformed,
      long skipped) {

    public Summary {
      malformed = Map.copyOf(malformed);
    }

    public String line() {
      String line = ProgressLine.summary(devices, stats, elapsed);
      if (!malformed.isEmpty()) {
        line += " malformed=" + new java.util.TreeMap<>(malformed);
      }
      if (skipped > 0) {
        line += " skipped-late=" + skipped;
      }
      return line;
    }
  }
}
