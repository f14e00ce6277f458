package io.smartbuilding.gateway;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smartbuilding.contracts.kinesis.StreamProvisioner;
import io.smartbuilding.contracts.telemetry.TelemetryCodec;
import io.smartbuilding.gateway.config.GatewayConfig;
import io.smartbuilding.gateway.deadletter.DeadLetterEnvelope;
import io.smartbuilding.gateway.ingest.IngestMetrics;
import io.smartbuilding.gateway.ingest.TelemetryValidator;
import io.smartbuilding.gateway.kinesis.KinesisBatchWriter;
import io.smartbuilding.gateway.kinesis.KinesisRecordSink;
import io.smartbuilding.gateway.mqtt.MqttIntake;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Wires MQTT intake to the Kinesis writer and owns their life cycle: Kinesis side first on start,
 * and on shutdown stop taking messages, flush what is queued, then disconnect, so a rolling update
 * loses nothing and duplicates little.
 */
@ApplicationScoped
public class IngestPipeline {

  private static final Logger LOG = Logger.getLogger(IngestPipeline.class);
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

  private final GatewayConfig config;
  private final KinesisClient kinesis;
  private final IngestMetrics metrics;
  private KinesisBatchWriter writer;
  private KinesisBatchWriter deadLetters;
  private MqttIntake intake;

  public IngestPipeline(
      GatewayConfig config, KinesisClient kinesis, IngestMetrics metrics, MeterRegistry registry) {
    this.config = config;
    this.kinesis = kinesis;
    this.metrics = metrics;
    registry.gauge("gateway.queue.messages", this, p -> p.writer == null ? 0 : p.writer.queued());
    registry.gauge(
        "gateway.dead.letter.queue.messages",
        this,
        p -> p.deadLetters == null ? 0 : p.deadLetters.queued());
  }

  void onStart(@Observes StartupEvent event) throws MqttException {
    GatewayConfig.Kinesis k = config.kinesis();
    GatewayConfig.DeadLetter dl = config.deadLetter();
    if (k.createStream()) {
      StreamProvisioner provisioner = new StreamProvisioner(kinesis);
      provisioner.createIfMissing(k.stream(), k.shards());
      provisioner.createIfMissing(dl.stream(), dl.shards());
      LOG.infof("streams %s and %s are ACTIVE", k.stream(), dl.stream());
    }
    GatewayConfig.Batch b = config.batch();
    KinesisBatchWriter.Settings settings =
        new KinesisBatchWriter.Settings(
            b.queueCapacity(),
            b.linger(),
            b.maxMessages(),
            b.maxRecordBytes(),
            b.initialBackoff(),
            b.maxBackoff());
    writer =
        new KinesisBatchWriter(
            "kinesis-batch-writer", new KinesisRecordSink(kinesis, k.stream()), settings, metrics);
    // Same machinery (aggregation, retries, ack after store) for refused messages, on its own
    // stream and thread: a dead-letter backlog never delays valid telemetry, and vice versa.
    deadLetters =
        new KinesisBatchWriter(
            "dead-letter-writer",
            new KinesisRecordSink(kinesis, dl.stream()),
            settings,
            metrics.deadLetterWriter());
    writer.start();
    deadLetters.start();
    Clock clock = Clock.systemUTC();
    TelemetryValidator validator =
        new TelemetryValidator(
            new TelemetryCodec(),
            clock,
            config.validation().maxClockSkew(),
            config.validation().maxAge());
    intake =
        new MqttIntake(
            config.mqtt(),
            validator,
            writer,
            deadLetters,
            new DeadLetterEnvelope(dl.maxPayloadBytes()),
            clock,
            metrics);
    intake.start();
  }

  void onStop(@Observes ShutdownEvent event) throws InterruptedException {
    if (intake != null) {
      intake.pause();
    }
    if (writer != null) {
      writer.stop(SHUTDOWN_GRACE);
    }
    if (deadLetters != null) {
      deadLetters.stop(SHUTDOWN_GRACE);
    }
    if (intake != null) {
      intake.disconnect();
    }
  }

  public boolean mqttConnected() {
    return intake != null && intake.isConnected();
  }

  public boolean writerAlive() {
    return writer != null && writer.isAlive() && deadLetters != null && deadLetters.isAlive();
  }

  /** How long either stream has refused writes (a refused message waits for its dead letter too). */
  public Duration kinesisFailingFor() {
    Duration telemetry = writer == null ? Duration.ZERO : writer.failingFor();
    Duration dead = deadLetters == null ? Duration.ZERO : deadLetters.failingFor();
    return telemetry.compareTo(dead) >= 0 ? telemetry : dead;
  }
}
