package io.smartbuilding.bench.load;

import io.smartbuilding.bench.measure.ProbeSamples;
import io.smartbuilding.contracts.telemetry.TelemetryCodec;
import java.time.Instant;
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
 * reading every {@code publishEveryMs}, and a poller reads the device's health through the API at
 * a fixed rate of one request every {@code pollEveryMs}. A reading becomes visible at the first
 * poll whose {@code lastSeq} includes it, timed at the midpoint of that request (the server read
 * the item somewhere between sending and answering, so the midpoint is off by at most half the
 * round trip either way, instead of always late by the whole round trip). Every publish and
 * visibility time is kept, so a step can ask, after its drain, for the latency of every reading it
 * published ({@link #samples}). The lag is the age of the oldest reading not yet readable through
 * the API. Both cover the whole path: broker, gateway, Kinesis, Flink, DynamoDB, API.
 */
public final class LatencyProbe implements AutoCloseable {
  public static final String DEVICE_ID = "bench-probe";

  private final BenchDevice device = new BenchDevice(DEVICE_ID, "bench-probe-b", 1, "f1-east");
  private final MqttAsyncClient client;
  private final ApiClient api;
  private final TelemetryCodec codec = new TelemetryCodec();
  private final ConcurrentHashMap<Long, Long> publishedAtNanos = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Long, Long> visibleAtNanos = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
  private volatile long seq;
  private volatile long visibleSeq;
  private volatile String lastError = "";

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
    // Fixed rate, not fixed delay: a slow request does not stretch the schedule for the next.
    timers.scheduleAtFixedRate(this::poll, pollEveryMs, pollEveryMs, TimeUnit.MILLISECONDS);
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
      long sent = System.nanoTime();
      long shown = api.lastSeq(DEVICE_ID);
      long observed = sent + (System.nanoTime() - sent) / 2;
      if (shown > visibleSeq) {
        for (long s = visibleSeq + 1; s <= shown; s++) {
          visibleAtNanos.putIfAbsent(s, observed);
        }
        visibleSeq = shown;
      }
    } catch (Exception e) {
      lastError = "probe poll: " + e.getMessage();
    }
  }

  /**
   * The latency of every reading with a seq in {@code [fromSeq, toSeq]}; one not readable yet
   * counts as censored at {@code deadlineNanos} - its publish time.
   */
  public ProbeSamples samples(long fromSeq, long toSeq, long deadlineNanos) {
    return ProbeSamples.collect(publishedAtNanos, visibleAtNanos, fromSeq, toSeq, deadlineNanos);
  }

  /**
   * Seconds since the oldest reading not yet readable was published: 0 when the API shows the
   * newest reading, growing by one second per second while the pipeline is stalled.
   */
  public double lagSeconds() {
    long now = System.nanoTime();
    long oldestPending = Long.MAX_VALUE;
    for (long s = visibleSeq + 1; s <= seq; s++) {
      Long at = publishedAtNanos.get(s);
      if (at != null) {
        oldestPending = Math.min(oldestPending, at);
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
