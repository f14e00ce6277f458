package io.smartbuilding.simulator.bench;

import io.smartbuilding.contracts.telemetry.TelemetryTopic;
import io.smartbuilding.simulator.Simulation;
import io.smartbuilding.simulator.SimulationSettings;
import io.smartbuilding.simulator.fleet.FleetSpec;
import io.smartbuilding.simulator.mqtt.ConnectionPool;
import io.smartbuilding.simulator.mqtt.MqttSettings;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Measures, in one run against one local Mosquitto, a raw Paho QoS 1 publisher (one connection,
 * one pre-encoded ~250-byte payload, as fast as the in-flight window allows) and then the
 * simulator (a big fleet, several connections, real physics and JSON encoding) for the same time,
 * and prints both rates and their ratio. A QoS 1 subscriber counts what arrives in both phases.
 *
 * <p>Not a test: run it by hand (see the README). Arguments, all optional: {@code seconds=20
 * buildings=102 floors=10 devicesPerFloor=99 rate=1 connections=4 inflight=1000 subscriber=true}.
 */
public final class PublishBenchmark {

  /** JIT compilation and connection set-up; not counted. */
  static final Duration WARM_UP = Duration.ofSeconds(5);

  public static void main(String[] args) throws Exception {
    int seconds = intArg(args, "seconds", 20);
    FleetSpec fleet =
        new FleetSpec(
            intArg(args, "buildings", 102),
            intArg(args, "floors", 10),
            intArg(args, "devicesPerFloor", 99));
    double rate = Double.parseDouble(arg(args, "rate", "1"));
    int connections = intArg(args, "connections", 4);
    int inflight = intArg(args, "inflight", 1000);
    boolean subscribe = Boolean.parseBoolean(arg(args, "subscriber", "true"));
    Path work = Path.of("target", "bench");

    try (LocalMosquitto broker = LocalMosquitto.start(work)) {
      System.out.printf(
          Locale.ROOT,
          "mosquitto pid %d at %s; %d s per phase; subscriber=%s%n",
          broker.pid(),
          broker.uri(),
          seconds,
          subscribe);
      Counter counter = subscribe ? new Counter(broker.uri()) : null;

      Result raw = rawPaho(broker.uri(), Duration.ofSeconds(seconds), inflight, counter);
      System.out.println(raw.line("raw Paho, 1 connection"));
      Thread.sleep(2_000);

      Result sim =
          simulator(broker.uri(), fleet, rate, connections, inflight, Duration.ofSeconds(seconds), counter);
      System.out.println(
          sim.line(
              "simulator, "
                  + fleet.deviceCount()
                  + " devices at "
                  + rate
                  + "/s, "
                  + connections
                  + " connections"));
      System.out.printf(
          Locale.ROOT, "ratio simulator/raw (acked msgs/s): %.2f%n", sim.ackedRate() / raw.ackedRate());
      if (counter != null) {
        counter.close();
      }
    }
  }

  record Result(long sent, long acked, long received, Duration elapsed, String extra) {
    double ackedRate() {
      return acked / (elapsed.toNanos() / 1e9);
    }

    String line(String what) {
      double s = elapsed.toNanos() / 1e9;
      return String.format(
          Locale.ROOT,
          "%-55s sent=%d acked=%d (%.0f msgs/s) received-by-subscriber=%d %s",
          what,
          sent,
          acked,
          acked / s,
          received,
          extra);
    }
  }

  static Result rawPaho(String uri, Duration duration, int inflight, Counter counter)
      throws Exception {
    MqttAsyncClient client = new MqttAsyncClient(uri, "bench-raw", new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setMaxInflight(inflight);
    client.connect(options).waitForCompletion(10_000);
    byte[] payload = samplePayload();
    String topic = TelemetryTopic.of("b1", "b1-f1-zs-01");
    LongAdder acked = new LongAdder();
    IMqttActionListener ack =
        new IMqttActionListener() {
          @Override
          public void onSuccess(IMqttToken token) {
            acked.increment();
          }

          @Override
          public void onFailure(IMqttToken token, Throwable cause) {}
        };
    long receivedBefore = counter == null ? 0 : counter.received.sum();
    long sent = 0;
    long warmEnd = System.nanoTime() + WARM_UP.toNanos();
    long start = 0;
    long ackedAtStart = 0;
    long end = warmEnd + duration.toNanos();
    long now;
    while ((now = System.nanoTime()) < end) {
      if (start == 0 && now >= warmEnd) {
        start = now;
        ackedAtStart = acked.sum();
      }
      try {
        client.publish(topic, payload, 1, false, null, ack);
        sent++;
      } catch (MqttException full) {
        LockSupport.parkNanos(20_000);
      }
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    long ackedInWindow = acked.sum() - ackedAtStart;
    client.disconnect().waitForCompletion(5_000);
    client.close();
    long received = counter == null ? 0 : counter.awaitQuiet() - receivedBefore;
    return new Result(
        sent, ackedInWindow, received, elapsed, "(acked after warm-up; sent/received whole phase)");
  }

  static Result simulator(
      String uri,
      FleetSpec fleet,
      double rate,
      int connections,
      int inflight,
      Duration duration,
      Counter counter)
      throws Exception {
    MqttSettings mqtt =
        new MqttSettings(
            uri,
            "bench-sim",
            1,
            java.util.Optional.empty(),
            java.util.Optional.empty(),
            inflight,
            io.smartbuilding.simulator.mqtt.TlsFiles.none());
    ConnectionPool pool = new ConnectionPool(mqtt, connections, s -> {});
    pool.connect();
    pool.awaitConnected(Duration.ofSeconds(10));
    SimulationSettings settings =
        new SimulationSettings(
            fleet, rate, duration, 42, 0, 0, Duration.ZERO, ZoneOffset.UTC, List.of(), 0);
    Simulation simulation = new Simulation(settings, pool, Clock.systemUTC(), System.out::println);
    long receivedBefore = counter == null ? 0 : counter.received.sum();
    simulation.start();
    Thread.sleep(WARM_UP.toMillis());
    long ackedAtStart = pool.stats().acked();
    long start = System.nanoTime();
    Thread.sleep(duration.toMillis());
    long acked = pool.stats().acked() - ackedAtStart;
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    Simulation.Summary summary = simulation.stop(Duration.ofSeconds(5));
    long heap = usedHeapAfterGc(); // the fleet is still referenced by the simulation
    long received = counter == null ? 0 : counter.awaitQuiet() - receivedBefore;
    System.out.println(summary.line());
    String extra =
        String.format(
            Locale.ROOT,
            "heap-after-gc=%d MiB max-heap=%d MiB window-full-waits=%d",
            heap / (1 << 20),
            Runtime.getRuntime().maxMemory() / (1 << 20),
            pool.windowFullWaits());
    if (simulation.devices().isEmpty()) {
      throw new IllegalStateException("no devices"); // keeps the fleet reachable until here
    }
    return new Result(summary.stats().sent(), acked, received, elapsed, extra);
  }

  /** Heap in use after a full collection: what the fleet itself keeps alive. */
  static long usedHeapAfterGc() {
    ManagementFactory.getMemoryMXBean().gc();
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  static byte[] samplePayload() {
    return ("{\"deviceId\":\"b1-f1-zs-01\",\"buildingId\":\"b1\",\"floor\":1,\"zone\":\"f1-east\","
            + "\"deviceType\":\"ZONE_SENSOR\",\"ts\":\"2026-11-25T10:00:00.123Z\",\"seq\":1234567,"
            + "\"metrics\":{\"temperatureC\":21.73,\"humidityPct\":44.12,\"co2Ppm\":612.5,"
            + "\"occupancy\":9.0,\"batteryPct\":87.5}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Counts every telemetry message the broker delivers, at QoS 1. */
  static final class Counter implements AutoCloseable {
    final LongAdder received = new LongAdder();
    private final MqttAsyncClient client;

    Counter(String uri) throws MqttException {
      client = new MqttAsyncClient(uri, "bench-counter", new MemoryPersistence());
      client.setCallback(
          new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {}

            @Override
            public void messageArrived(String topic, MqttMessage message) {
              received.increment();
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {}
          });
      MqttConnectOptions options = new MqttConnectOptions();
      options.setCleanSession(true);
      options.setMaxInflight(1000);
      client.connect(options).waitForCompletion(10_000);
      client.subscribe(TelemetryTopic.ALL_DEVICES, 1).waitForCompletion(10_000);
    }

    /** Waits until the broker has delivered everything queued, then returns the count. */
    long awaitQuiet() throws InterruptedException {
      long before = -1;
      long now = received.sum();
      for (int i = 0; i < 60 && now != before; i++) {
        Thread.sleep(1_000);
        before = now;
        now = received.sum();
      }
      return now;
    }

    @Override
    public void close() throws MqttException {
      client.disconnect().waitForCompletion(5_000);
      client.close();
    }
  }

  private static String arg(String[] args, String name, String fallback) {
    for (String a : args) {
      if (a.startsWith(name + "=")) {
        return a.substring(name.length() + 1);
      }
    }
    return fallback;
  }

  private static int intArg(String[] args, String name, int fallback) {
    return Integer.parseInt(arg(args, name, String.valueOf(fallback)));
  }
}
