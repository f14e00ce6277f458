package io.smartbuilding.analytics.aws;

import java.util.Locale;
import java.util.Properties;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.connectors.kinesis.FlinkKinesisConsumer;
import org.apache.flink.streaming.connectors.kinesis.config.ConsumerConfigConstants;
import org.apache.flink.streaming.connectors.kinesis.config.ConsumerConfigConstants.EFORegistrationType;
import org.apache.flink.streaming.connectors.kinesis.config.ConsumerConfigConstants.InitialPosition;
import org.apache.flink.streaming.connectors.kinesis.config.ConsumerConfigConstants.RecordPublisherType;
import org.apache.flink.streaming.connectors.kinesis.serialization.KinesisDeserializationSchema;

/**
 * The telemetry stream as a Flink source of user-record bytes.
 *
 * <p>The legacy {@link FlinkKinesisConsumer} rather than the newer {@code KinesisStreamsSource}:
 * the gateway writes KPL aggregates, and only the legacy consumer de-aggregates them (into one
 * element per telemetry message). Decoding happens in the next operator so that bad records can be
 * counted and skipped there.
 *
 * <p>Lag: the consumer publishes, per shard, the gauge {@code
 * KinesisConsumer.stream.<stream>.shardId.<shard>.millisBehindLatest} (how far the reader is behind
 * the tip of the shard), for polling and enhanced fan-out alike.
 */
public final class KinesisTelemetrySource {

  private KinesisTelemetrySource() {}

  public static FlinkKinesisConsumer<byte[]> create(KinesisSettings settings) {
    return new FlinkKinesisConsumer<>(
        settings.stream(), new UserRecordBytes(), consumerProperties(settings));
  }

  static Properties consumerProperties(KinesisSettings settings) {
    Properties props = settings.aws().connectorProperties();
    props.setProperty(
        ConsumerConfigConstants.STREAM_INITIAL_POSITION, settings.initialPosition().name());
    if (settings.initialPosition() == InitialPosition.AT_TIMESTAMP) {
      // the consumer takes seconds since the epoch as a decimal number
      long millis = settings.initialTimestamp().orElseThrow().toEpochMilli();
      props.setProperty(
          ConsumerConfigConstants.STREAM_INITIAL_TIMESTAMP,
          String.format(Locale.ROOT, "%d.%03d", millis / 1000, millis % 1000));
    }
    switch (settings.consumer()) {
      case POLLING ->
          props.setProperty(
              ConsumerConfigConstants.SHARD_GETRECORDS_INTERVAL_MILLIS,
              String.valueOf(settings.pollInterval().toMillis()));
      case EFO -> {
        props.setProperty(
            ConsumerConfigConstants.RECORD_PUBLISHER_TYPE, RecordPublisherType.EFO.name());
        props.setProperty(ConsumerConfigConstants.EFO_CONSUMER_NAME, settings.efoConsumerName());
        // LAZY: the job registers (or reuses) its stream consumer when it starts and the
        // connector deregisters it when the job stops, so no IAM setup step is needed per job
        props.setProperty(
            ConsumerConfigConstants.EFO_REGISTRATION_TYPE, EFORegistrationType.LAZY.name());
      }
    }
    return props;
  }

  /** Passes each (de-aggregated) user record on as its bytes. */
  static final class UserRecordBytes implements KinesisDeserializationSchema<byte[]> {
    @Override
    public byte[] deserialize(
        byte[] recordValue,
        String partitionKey,
        String seqNum,
        long approxArrivalTimestamp,
        String stream,
        String shardId) {
      return recordValue;
    }

    @Override
    public TypeInformation<byte[]> getProducedType() {
      return PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO;
    }
  }
}
