package io.smartbuilding.analytics.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartbuilding.analytics.JobConfig;
import java.util.Properties;
import org.apache.flink.connector.aws.config.AWSConfigConstants;
import org.apache.flink.streaming.connectors.kinesis.config.ConsumerConfigConstants;
import org.junit.jupiter.api.Test;

class KinesisTelemetrySourceTest {

  @Test
  void localEmulatorUsesTheEndpointAndStaticKeys() {
    Properties props =
        KinesisTelemetrySource.consumerProperties(
            JobConfig.fromArgs(
                    "--kinesis.endpoint", "http://127.0.0.1:4567",
                    "--aws.access-key", "local",
                    "--aws.secret-key", "secret",
                    "--kinesis.poll-interval-ms", "250")
                .kinesis());

    assertThat(props)
        .containsEntry(AWSConfigConstants.AWS_REGION, "us-east-1")
        .containsEntry(AWSConfigConstants.AWS_ENDPOINT, "http://127.0.0.1:4567")
        .containsEntry(AWSConfigConstants.AWS_CREDENTIALS_PROVIDER, "BASIC")
        .containsEntry(AWSConfigConstants.AWS_ACCESS_KEY_ID, "local")
        .containsEntry(AWSConfigConstants.AWS_SECRET_ACCESS_KEY, "secret")
        .containsEntry(ConsumerConfigConstants.STREAM_INITIAL_POSITION, "TRIM_HORIZON")
        .containsEntry(ConsumerConfigConstants.SHARD_GETRECORDS_INTERVAL_MILLIS, "250");
  }

  @Test
  void awsUsesTheDefaultCredentialChain() {
    Properties props =
        KinesisTelemetrySource.consumerProperties(
            JobConfig.fromArgs("--kinesis.region", "eu-west-1").kinesis());

    assertThat(props)
        .containsEntry(AWSConfigConstants.AWS_REGION, "eu-west-1")
        .containsEntry(AWSConfigConstants.AWS_CREDENTIALS_PROVIDER, "AUTO")
        .doesNotContainKeys(AWSConfigConstants.AWS_ENDPOINT, AWSConfigConstants.AWS_ACCESS_KEY_ID);
  }

  @Test
  void atTimestampIsPassedAsEpochSeconds() {
    Properties props =
        KinesisTelemetrySource.consumerProperties(
            JobConfig.fromArgs(
                    "--kinesis.initial-position", "AT_TIMESTAMP",
                    "--kinesis.initial-timestamp", "2026-11-25T08:15:31.250Z")
                .kinesis());

    assertThat(props)
        .containsEntry(ConsumerConfigConstants.STREAM_INITIAL_POSITION, "AT_TIMESTAMP")
        .containsEntry(ConsumerConfigConstants.STREAM_INITIAL_TIMESTAMP, "1795594531.250");
  }

  @Test
  void enhancedFanOutRegistersItsNamedConsumerAndDoesNotPoll() {
    Properties props =
        KinesisTelemetrySource.consumerProperties(
            JobConfig.fromArgs(
                    "--kinesis.consumer", "efo", "--kinesis.efo.consumer-name", "analytics-eu")
                .kinesis());

    assertThat(props)
        .containsEntry(ConsumerConfigConstants.RECORD_PUBLISHER_TYPE, "EFO")
        .containsEntry(ConsumerConfigConstants.EFO_CONSUMER_NAME, "analytics-eu")
        .containsEntry(ConsumerConfigConstants.EFO_REGISTRATION_TYPE, "LAZY")
        .doesNotContainKey(ConsumerConfigConstants.SHARD_GETRECORDS_INTERVAL_MILLIS);
  }

  @Test
  void pollingIsTheDefault() {
    Properties props =
        KinesisTelemetrySource.consumerProperties(JobConfig.fromArgs().kinesis());

    assertThat(props).doesNotContainKey(ConsumerConfigConstants.RECORD_PUBLISHER_TYPE);
    assertThat(JobConfig.fromArgs().kinesis().consumer())
        .isEqualTo(KinesisSettings.Consumer.POLLING);
  }
}
