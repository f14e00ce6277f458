package io.smartbuilding.infra.streams;

import static io.smartbuilding.infra.SynthesizedPlatform.properties;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartbuilding.infra.PlatformSettings;
import io.smartbuilding.infra.RepositoryFiles;
import io.smartbuilding.infra.SynthesizedPlatform;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TelemetryStreamsTest {

  private static final String GATEWAY_PROPERTIES =
      "ingest-gateway/src/main/resources/application.properties";
  private static final String GATEWAY_CONFIG =
      "ingest-gateway/src/main/java/io/smartbuilding/gateway/config/GatewayConfig.java";
  private static final String JOB_PROPERTIES = "analytics-job/config/local.properties";

  private final SynthesizedPlatform platform = SynthesizedPlatform.defaults();

  @Test
  void theTelemetryStreamIsTheOneTheGatewayWritesAndTheJobReads() {
    Properties gateway = RepositoryFiles.properties(GATEWAY_PROPERTIES);
    Properties job = RepositoryFiles.properties(JOB_PROPERTIES);

    assertThat(gateway.getProperty("gateway.kinesis.stream"))
        .isEqualTo(job.getProperty("kinesis.stream"))
        .isEqualTo(TelemetryStreams.TELEMETRY_STREAM);
    assertThat(streamNames()).contains(TelemetryStreams.TELEMETRY_STREAM);
  }

  @Test
  void theDeadLetterStreamIsTheGatewaysDefault() {
    String configured =
        RepositoryFiles.properties(GATEWAY_PROPERTIES)
            .getProperty(
                "gateway.dead-letter.stream",
                RepositoryFiles.firstStringAfter(
                    GATEWAY_CONFIG,
                    "interface DeadLetter",
                    "@WithDefault\\(\"([^\"]+)\"\\)\\s+String stream\\(\\)"));

    assertThat(configured).isEqualTo(TelemetryStreams.DEAD_LETTER_STREAM);
    assertThat(streamNames()).contains(TelemetryStreams.DEAD_LETTER_STREAM);
  }

  @Test
  void thereAreExactlyTheTwoStreams() {
    assertThat(streamNames())
        .containsExactlyInAnyOrder(
            TelemetryStreams.TELEMETRY_STREAM, TelemetryStreams.DEAD_LETTER_STREAM);
  }

  @Test
  void streamsAreEncryptedWithTheAwsManagedKeyAndKeepADay() {
    for (Map<String, Object> stream : platform.resources("AWS::Kinesis::Stream").values()) {
      Map<String, Object> p = properties(stream);
      assertThat(p.get("StreamEncryption"))
          .isEqualTo(Map.of("EncryptionType", "KMS", "KeyId", "alias/aws/kinesis"));
      assertThat(p.get("RetentionPeriodHours")).isEqualTo(24);
      assertThat(p.get("StreamModeDetails")).isEqualTo(Map.of("StreamMode", "PROVISIONED"));
    }
  }

  @Test
  void shardCountsDefaultToTheStatedFleetAndFollowTheContext() {
    assertThat(shards(platform, TelemetryStreams.TELEMETRY_STREAM))
        .isEqualTo(PlatformSettings.DEFAULT_TELEMETRY_SHARDS);
    assertThat(shards(platform, TelemetryStreams.DEAD_LETTER_STREAM))
        .isEqualTo(PlatformSettings.DEFAULT_DEAD_LETTER_SHARDS);

    SynthesizedPlatform bigger =
        SynthesizedPlatform.with(Map.of("telemetryShards", "6", "deadLetterShards", 2));
    assertThat(shards(bigger, TelemetryStreams.TELEMETRY_STREAM)).isEqualTo(6);
    assertThat(shards(bigger, TelemetryStreams.DEAD_LETTER_STREAM)).isEqualTo(2);
  }

  private java.util.List<Object> streamNames() {
    return platform.resources("AWS::Kinesis::Stream").values().stream()
        .map(s -> properties(s).get("Name"))
        .toList();
  }

  private static Object shards(SynthesizedPlatform platform, String name) {
    return platform.resources("AWS::Kinesis::Stream").values().stream()
        .map(SynthesizedPlatform::properties)
        .filter(p -> name.equals(p.get("Name")))
        .findFirst()
        .orElseThrow()
        .get("ShardCount");
  }
}
