package io.smartbuilding.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartbuilding.analytics.aws.AwsEndpoint.StaticKeys;
import io.smartbuilding.analytics.health.HealthRules;
import io.smartbuilding.contracts.tables.TableProvisioner.TableNames;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.flink.streaming.connectors.kinesis.config.ConsumerConfigConstants.InitialPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobConfigTest {

  @TempDir Path dir;

  @Test
  void defaultsPointAtAwsWithTheContractTables() {
    JobConfig config = JobConfig.fromArgs();

    assertThat(config.kinesis().stream()).isEqualTo("smartbuilding-telemetry");
    assertThat(config.kinesis().aws().region()).isEqualTo("us-east-1");
    assertThat(config.kinesis().aws().endpoint()).isEmpty();
    assertThat(config.kinesis().aws().staticKeys()).isEmpty();
    assertThat(config.kinesis().initialPosition()).isEqualTo(InitialPosition.TRIM_HORIZON);
    assertThat(config.kinesis().pollInterval()).isEqualTo(Duration.ofMillis(200));
    assertThat(config.dynamoDb().aws().endpoint()).isEmpty();
    assertThat(config.dynamoDb().tables()).isEqualTo(TableNames.defaults());
    assertThat(config.dynamoDb().createTables()).isFalse();
    assertThat(config.rules()).isEqualTo(HealthRules.defaults());
    assertThat(config.checkpointInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.checkpointDir()).isEmpty();
    assertThat(config.local()).isFalse();
    assertThat(config.webUiPort()).isEqualTo(8081);
  }

  @Test
  void readsTheFileAndLetsTheCommandLineWin() throws IOException {
    Path file = dir.resolve("local.properties");
    Files.writeString(
        file,
        String.join(
            "\n",
            "kinesis.stream=from-file",
            "kinesis.endpoint=http://127.0.0.1:4567",
            "kinesis.initial-position=latest",
            "aws.access-key=local",
            "aws.secret-key=local",
            "dynamodb.endpoint=http://127.0.0.1:8000",
            "dynamodb.table.alerts=my-alerts",
            "dynamodb.create-tables=true",
            "rules.overheat.limit-c=55.5",
            "rules.offline.after-seconds=20",
            "rules.max-lateness-seconds=0",
            "checkpoint.dir=file:///tmp/checkpoints",
            "local=true",
            ""));

    JobConfig config =
        JobConfig.fromArgs(
            "--config",
            file.toString(),
            "--kinesis.stream",
            "from-cli",
            "--local.web-ui-port",
            "18081");

    assertThat(config.kinesis().stream()).isEqualTo("from-cli");
    assertThat(config.kinesis().aws().endpoint()).contains(URI.create("http://127.0.0.1:4567"));
    assertThat(config.kinesis().aws().staticKeys()).contains(new StaticKeys("local", "local"));
    assertThat(config.kinesis().initialPosition()).isEqualTo(InitialPosition.LATEST);
    assertThat(config.dynamoDb().aws().endpoint()).contains(URI.create("http://127.0.0.1:8000"));
    assertThat(config.dynamoDb().aws().region()).isEqualTo("us-east-1");
    assertThat(config.dynamoDb().tables().alerts()).isEqualTo("my-alerts");
    assertThat(config.dynamoDb().tables().deviceHealth())
        .isEqualTo(TableNames.defaults().deviceHealth());
    assertThat(config.dynamoDb().createTables()).isTrue();
    assertThat(config.rules())
        .isEqualTo(new HealthRules(55.5, 2.0, Duration.ofSeconds(20), Duration.ZERO));
    assertThat(config.checkpointDir()).contains("file:///tmp/checkpoints");
    assertThat(config.local()).isTrue();
    assertThat(config.webUiPort()).isEqualTo(18081);
  }

  @Test
  void readsTheRuleSourceAnomalyAndWearSettings() {
    JobConfig config =
        JobConfig.fromArgs(
            "--rules.poll-interval-seconds", "3",
            "--rules.file", "config/rules.json",
            "--anomaly.metrics", "vibrationMmS, co2Ppm",
            "--anomaly.alpha", "0.2",
            "--anomaly.z-threshold", "3.5",
            "--anomaly.consecutive", "4",
            "--anomaly.warm-up", "50",
            "--wear.metrics", "none",
            "--wear.bucket-seconds", "600",
            "--wear.window-buckets", "24",
            "--wear.min-buckets", "8",
            "--wear.horizon-days", "30",
            "--health.refresh-seconds", "60");

    HealthRules rules = config.rules();
    assertThat(rules.rulesPollInterval()).isEqualTo(Duration.ofSeconds(3));
    assertThat(rules.healthRefresh()).isEqualTo(Duration.ofSeconds(60));
    assertThat(JobConfig.fromArgs().rules().healthRefresh())
        .as("every reading, unless configured")
        .isZero();
    assertThatThrownBy(() -> JobConfig.fromArgs("--health.refresh-seconds", "-1"))
        .hasMessageContaining("health.refresh-seconds");
    assertThat(rules.rulesFile()).isEqualTo("config/rules.json");
    assertThat(rules.anomaly())
        .isEqualTo(
            new io.smartbuilding.analytics.anomaly.AnomalySettings(
                java.util.List.of("vibrationMmS", "co2Ppm"), 0.2, 3.5, 4, 50));
    assertThat(rules.wear())
        .isEqualTo(
            new io.smartbuilding.analytics.anomaly.WearSettings(
                java.util.List.of(), Duration.ofMinutes(10), 24, 8, Duration.ofDays(30)));
    assertThat(JobConfig.fromArgs().rules().rulesFile()).isNull();
    assertThatThrownBy(() -> JobConfig.fromArgs("--anomaly.alpha", "1.5"))
        .hasMessageContaining("anomaly.*: anomaly alpha must be in (0, 1]");
    assertThatThrownBy(() -> JobConfig.fromArgs("--wear.min-buckets", "1"))
        .hasMessageContaining("wear.*");
  }

  @Test
  void aBlankValueMeansTheDefault() {
    JobConfig config = JobConfig.fromArgs("--kinesis.endpoint", "", "--dynamodb.region", " ");

    assertThat(config.kinesis().aws().endpoint()).isEmpty();
    assertThat(config.dynamoDb().aws().region()).isEqualTo("us-east-1");
  }

  @Test
  void atTimestampTakesAnIsoInstant() {
    JobConfig config =
        JobConfig.fromArgs(
            "--kinesis.initial-position", "AT_TIMESTAMP",
            "--kinesis.initial-timestamp", "2026-11-25T08:00:00Z");

    assertThat(config.kinesis().initialTimestamp())
        .isEqualTo(Optional.of(Instant.parse("2026-11-25T08:00:00Z")));
  }

  @Test
  void refusesWhatItCannotUse() {
    assertThatThrownBy(() -> JobConfig.fromArgs("--kinesis.strem", "typo"))
        .hasMessageContaining("unknown configuration keys [kinesis.strem]");
    assertThatThrownBy(() -> JobConfig.fromArgs("--kinesis.initial-position", "EARLIEST"))
        .hasMessageContaining("kinesis.initial-position");
    assertThatThrownBy(() -> JobConfig.fromArgs("--kinesis.initial-position", "AT_TIMESTAMP"))
        .hasMessageContaining("AT_TIMESTAMP needs a timestamp");
    assertThatThrownBy(() -> JobConfig.fromArgs("--aws.access-key", "only-half"))
        .hasMessageContaining("set both or neither");
    assertThatThrownBy(() -> JobConfig.fromArgs("--rules.offline.after-seconds", "0"))
        .hasMessageContaining("must be positive");
    assertThatThrownBy(() -> JobConfig.fromArgs("--rules.max-lateness-seconds", "-1"))
        .hasMessageContaining("rules.max-lateness-seconds must be >= 0");
    assertThatThrownBy(() -> JobConfig.fromArgs("--rules.overheat.limit-c", "hot"))
        .hasMessageContaining("must be a number");
    assertThatThrownBy(() -> JobConfig.fromArgs("--local", "yes"))
        .hasMessageContaining("true or false");
    assertThatThrownBy(() -> JobConfig.fromArgs("--dynamodb.endpoint", "127.0.0.1:8000"))
        .hasMessageContaining("must be a URL");
  }

  @Test
  void neverPrintsTheSecret() {
    JobConfig config =
        JobConfig.fromArgs("--aws.access-key", "AKIA1", "--aws.secret-key", "s3cr3t");

    assertThat(config.toString()).contains("AKIA1").doesNotContain("s3cr3t");
  }
}
