package io.smartbuilding.bench.load;

import io.smartbuilding.contracts.telemetry.TelemetryCodec;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Publishes the load at a fixed total rate over MQTT QoS 1, spread evenly over the fleet (message
 * {@code g} goes to device {@code g mod n}), and remembers every (device, seq) the broker
 * acknowledged, so the loss audit can look for each one downstream.
 *
 * <p>When the client's in-flight window is full the publisher waits (back-pressure, as a device
 * would); if it falls more than a second behind the schedule it skips the missed sends, so an
 * overloaded step shows as a lower published rate rather than a burst later.
 */
public final class LoadPublisher implements AutoCloseable {
  private static final int MAX_INFLIGHT = 1000;

  private final List<BenchDevice> devices;
  private final long[] lastSeq;
  private final BitSet[] ackedSeqs;
  private final MqttAsyncClient client;
  private final TelemetryCodec codec = new TelemetryCodec();
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong acked = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private long next;
  private volatile boolean stopped;

  private final IMqttActionListener onAck =
      new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          long key = (Long) token.getUserContext();
          BitSet seqs = ackedSeqs[(int) (key >>> 32)];
          synchronized (seqs) {
            seqs.set((int) key);
          }
          acked.incrementAndGet();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable e) {
          failed.incrementAndGet();
        }
      };

  public LoadPublisher(String brokerUrl, List<BenchDevice> devices) throws MqttException {
    this.devices = devices;
    this.lastSeq = new long[devices.size()];
    this.ackedSeqs = new BitSet[devices.size()];
    for (int i = 0; i < ackedSeqs.length; i++) {
      ackedSeqs[i] = new BitSet();
    }
    client =
        new MqttAsyncClient(
            brokerUrl,
            "system-bench-load-" + ProcessHandle.current().pid(),
            new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setMaxInflight(MAX_INFLIGHT);
    options.setAutomaticReconnect(true);
    client.connect(options).waitForCompletion(10_000);
  }

  /** Publishes at {@code rate} msgs/s until {@code seconds} have passed or {@link #stop}. */
  public void run(int rate, int seconds) throws InterruptedException {
    stopped = false;
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    long sentThisStep = 0;
    while (!stopped) {
      long now = System.nanoTime();
      if (now >= end) {
        break;
      }
      long due = (long) ((now - start) / 1e9 * rate);
      if (due - sentThisStep > rate) { // more than a second behind: skip, do not burst
        skipped.addAndGet(due - sentThisStep - rate);
        sentThisStep = due - rate;
      }
      if (sentThisStep >= due) {
        Thread.sleep(1);
        continue;
      }
      switch (publishNext()) {
        case SENT -> sentThisStep++;
        case WINDOW_FULL -> Thread.sleep(1);
        case REFUSED -> { // not connected: this send's slot is used up, the reading was not sent
          sentThisStep++;
          Thread.sleep(1);
        }
      }
    }
  }

  private enum Outcome {
    SENT,
    WINDOW_FULL,
    REFUSED
  }

  private Outcome publishNext() {
    int index = (int) (next % devices.size());
    BenchDevice device = devices.get(index);
    long seq = lastSeq[index] + 1;
    MqttMessage message = new MqttMessage(codec.encode(device.reading(seq, Instant.now())));
    message.setQos(1);
    next++;
    try {
      client.publish(device.topic(), message, ((long) index << 32) | seq, onAck);
    } catch (MqttException e) {
      if (e.getReasonCode() == MqttException.REASON_CODE_MAX_INFLIGHT) {
        next--; // the same message again once the window has room
        return Outcome.WINDOW_FULL;
      }
      // Not connected: the reading was never sent (as for a device without a buffer). It is not
      // published and keeps its seq, so the device's seqs stay gapless and the audit does not
      // look for it.
      failed.incrementAndGet();
      return Outcome.REFUSED;
    }
    lastSeq[index] = seq;
    published.incrementAndGet();
    return Outcome.SENT;
  }

  public void stop() {
    stopped = true;
  }

  public long published() {
    return published.get();
  }

  public long acked() {
    return acked.get();
  }

  /**
   * Sends that failed: refused by the client (not connected; not published) or published but not
   * delivered (the client gave up on the acknowledgement).
   */
  public long failed() {
    return failed.get();
  }

  /** Sends skipped because the publisher was more than a second behind its schedule. */
  public long skipped() {
    return skipped.get();
  }

  public List<BenchDevice> devices() {
    return devices;
  }

  /** The newest seq sent to the device, 0 if none yet. */
  public long lastSeq(int deviceIndex) {
    return lastSeq[deviceIndex];
  }

  /** The highest seq of the device that the broker acknowledged, 0 if none. */
  public long lastAckedSeq(int deviceIndex) {
    BitSet seqs = ackedSeqs[deviceIndex];
    synchronized (seqs) {
      return Math.max(seqs.length() - 1, 0);
    }
  }

  /** Copies of every device's acknowledged seqs, in fleet order. */
  public List<BitSet> ackedSeqs() {
    List<BitSet> all = new java.util.ArrayList<>(ackedSeqs.length);
    for (int i = 0; i < ackedSeqs.length; i++) {
      all.add(ackedSeqs(i));
    }
    return all;
  }

  /** A copy of the acknowledged seqs of the device. */
  public BitSet ackedSeqs(int deviceIndex) {
    BitSet seqs = ackedSeqs[deviceIndex];
    synchronized (seqs) {
      return (BitSet) seqs.clone();
    }
  }

  @Override
  public void close() {
    try {
      client.disconnect(5_000).waitForCompletion(6_000);
    } catch (MqttException e) {
      // closing anyway
    }
    try {
      client.close();
    } catch (MqttException e) {
      // nothing left to do
    }
  }
}
