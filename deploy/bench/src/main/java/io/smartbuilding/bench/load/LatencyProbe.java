package io.smartbuilding.bench.load;

import io.smartbuilding.contracts.telemetry.TelemetryCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * End-to-end latency and lag from one probe device on its own MQTT connection: it publishes a
 * reading every {@code publishEveryMs}, and a poller reads the device's health through the API
 * every {@code pollEveryMs}. A reading's latency is publish -> the first poll whose {@code lastSeq}
 * includes it (so it is at most {@code pollEveryMs} late); the lag is the age of the newest reading
 * readable through the API. Both cover the whole path: broker, gateway, Kinesis, Flink, DynamoDB,
 * API.
 */
public final class LatencyProbe implements AutoCloseable {
  public static final String DEVICE_ID = "bench-probe";

  private final BenchDevice device = new BenchDevice(DEVICE_ID, "bench-probe-b", 1, "f1-east");
  private final MqttAsyncClient client;
  private final ApiClient api;
  private final TelemetryCodec codec = new TelemetryCodec();
  private final ConcurrentHashMap<Long, Long> publishedAtNanos = new ConcurrentHashMap<>();
  private final List<Long> latenciesMs = new ArrayList<>();
  private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
  private volatile long seq;
  private volatile long visibleSeq;
  private volatile String lastError = "";
  private volatile long countFromNanos = Long.MIN_VALUE;

  public LatencyProbe(String brokerUrl, ApiClient api, int publishEveryMs, int pollEveryMs)
      throws MqttException {
    this.api = api;
    client =
        new MqttAsyncClient(
            brokerUrl,
            "system-bench-probe-" + ProcessHandle.current().pid(),
            new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setAutomaticReconnect(true);
    client.connect(options).waitForCompletion(10_000);
    timers.scheduleAtFixedRate(this::publish, 0, publishEveryMs, TimeUnit.MILLISECONDS);
    timers.scheduleWithFixedDelay(this::poll, pollEveryMs, pollEveryMs, TimeUnit.MILLISECONDS);
  }

  private void publish() {
    long next = seq + 1;
    MqttMessage message = new MqttMessage(codec.encode(device.reading(next, Instant.now())));
    message.setQos(1);
    publishedAtNanos.put(next, System.nanoTime());
    try {
      client.publish(device.topic(), message);
      seq = next;
    } catch (MqttException e) {
      publishedAtNanos.remove(next);
      lastError = "probe publish: " + e.getMessage();
    }
  }

  private void poll() {
    try {
      long shown = api.lastSeq(DEVICE_ID);
      long now = System.nanoTime();
      if (shown > visibleSeq) {
        synchronized (latenciesMs) {
          for (long s = visibleSeq + 1; s <= shown; s++) {
            Long at = publishedAtNanos.remove(s);
            if (at != null && at - countFromNanos >= 0) {
              latenciesMs.add((now - at) / 1_000_000);
            }
          }
        }
        visibleSeq = shown;
      }
    } catch (Exception e) {
      lastError = "probe poll: " + e.getMessage();
    }
  }

  /**
   * From now on, only readings published from now count as samples (a step does not inherit the
   * latencies of readings the previous step left queued), and forgets the samples so far.
   */
  public void startCounting() {
    countFromNanos = System.nanoTime();
    drainLatencies();
  }

  /** The latencies since the last call, in milliseconds, and forgets them. */
  public List<Long> drainLatencies() {
    synchronized (latenciesMs) {
      List<Long> copy = new ArrayList<>(latenciesMs);
      latenciesMs.clear();
      return copy;
    }
  }

  /** A copy of the latencies so far (not forgotten), for the progress line. */
  public List<Long> latenciesSoFar() {
    synchronized (latenciesMs) {
      return new ArrayList<>(latenciesMs);
    }
  }

  /**
   * Seconds since the oldest reading not yet readable was published: 0 when the API shows the
   * newest reading, growing by one second per second while the pipeline is stalled.
   */
  public double lagSeconds() {
    long now = System.nanoTime();
    long oldestPending = Long.MAX_VALUE;
    for (var e : publishedAtNanos.entrySet()) {
      if (e.getKey() > visibleSeq) {
        oldestPending = Math.min(oldestPending, e.getValue());
      }
    }
    return oldestPending == Long.MAX_VALUE ? 0 : (now - oldestPending) / 1e9;
  }

  public long publishedSeq() {
    return seq;
  }

  public long visibleSeq() {
    return visibleSeq;
  }

  public String lastError() {
    return lastError;
  }

  @Override
  public void close() {
    timers.shutdownNow();
    try {
      client.disconnect(2_000).waitForCompletion(3_000);
      client.close();
    } catch (MqttException e) {
      // closing anyway
    }
  }
}
