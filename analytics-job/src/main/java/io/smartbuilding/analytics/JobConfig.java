package io.smartbuilding.analytics;

import io.smartbuilding.analytics.archive.ArchiveSettings;
import io.smartbuilding.analytics.aws.AwsEndpoint;
import io.smartbuilding.analytics.aws.AwsEndpoint.StaticKeys;
import io.smartbuilding.analytics.aws.DynamoDbSettings;
import io.smartbuilding.analytics.aws.KinesisSettings;
import io.smartbuilding.analytics.anomaly.AnomalySettings;
import io.smartbuilding.analytics.anomaly.WearSettings;
import io.smartbuilding.analytics.health.HealthRules;
import io.smartbuilding.analytics.history.EventTimeSettings;
import io.smartbuilding.analytics.history.HistorySettings;
import io.smartbuilding.contracts.tables.AlertTable;
import io.smartbuilding.contracts.tables.BuildingTable;
import io.smartbuilding.contracts.tables.DeviceHealthTable;
import io.smartbuilding.contracts.tables.MetricHistoryTable;
import io.smartbuilding.contracts.tables.RuleTable;
import io.smartbuilding.contracts.tables.TableProvisioner.TableNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.api.java.utils.ParameterTool;
import org.apache.flink.streaming.connectors.kinesis.config.ConsumerConfigConstants.InitialPosition;

/**
 * Everything the job can be told, read from a properties file ({@code --config <file>}) with {@code
 * --key value} overrides from the command line. The keys are listed in the README; an unknown key
 * is an error, so a typo does not silently fall back to a default.
 */
public record JobConfig(
    KinesisSettings kinesis,
    DynamoDbSettings dynamoDb,
    HealthRules rules,
    Duration checkpointInterval,
    Optional<String> checkpointDir,
    boolean local,
    int webUiPort,
    EventTimeSettings events,
    HistorySettings history,
    Optional<ArchiveSettings> archive,
    Optional<StateBackendChoice> stateBackend) {

  public static final String CONFIG = "config";
  public static final String KINESIS_STREAM = "kinesis.stream";
  public static final String KINESIS_REGION = "kinesis.region";
  public static final String KINESIS_ENDPOINT = "kinesis.endpoint";
  public static final String KINESIS_INITIAL_POSITION = "kinesis.initial-position";
  public static final String KINESIS_INITIAL_TIMESTAMP = "kinesis.initial-timestamp";
  public static final String KINESIS_POLL_INTERVAL_MS = "kinesis.poll-interval-ms";
  public static final String KINESIS_CONSUMER = "kinesis.consumer";
  public static final String KINESIS_EFO_CONSUMER_NAME = "kinesis.efo.consumer-name";
  public static final String AWS_ACCESS_KEY = "aws.access-key";
  public static final String AWS_SECRET_KEY = "aws.secret-key";
  public static final String DYNAMODB_ENDPOINT = "dynamodb.endpoint";
  public static final String DYNAMODB_REGION = "dynamodb.region";
  public static final String DYNAMODB_TABLE_DEVICE_HEALTH = "dynamodb.table.device-health";
  public static final String DYNAMODB_TABLE_ALERTS = "dynamodb.table.alerts";
  public static final String DYNAMODB_TABLE_BUILDINGS = "dynamodb.table.buildings";
  public static final String DYNAMODB_TABLE_METRIC_HISTORY = "dynamodb.table.metric-history";
  public static final String DYNAMODB_TABLE_RULES = "dynamodb.table.rules";
  public static final String DYNAMODB_CREATE_TABLES = "dynamodb.create-tables";
  public static final String OVERHEAT_LIMIT_C = "rules.overheat.limit-c";
  public static final String OVERHEAT_HYSTERESIS_C = "rules.overheat.hysteresis-c";
  public static final String OFFLINE_AFTER_SECONDS = "rules.offline.after-seconds";
  public static final String MAX_LATENESS_SECONDS = "rules.max-lateness-seconds";
  public static final String RULES_POLL_INTERVAL_SECONDS = "rules.poll-interval-seconds";
  public static final String RULES_FILE = "rules.file";
  public static final String DEVICE_STATE_RETENTION_DAYS = "rules.device-state-retention-days";
  public static final String HEALTH_REFRESH_SECONDS = "health.refresh-seconds";
  public static final String ANOMALY_METRICS = "anomaly.metrics";
  public static final String ANOMALY_ALPHA = "anomaly.alpha";
  public static final String ANOMALY_Z_THRESHOLD = "anomaly.z-threshold";
  public static final String ANOMALY_CONSECUTIVE = "anomaly.consecutive";
  public static final String ANOMALY_WARM_UP = "anomaly.warm-up";
  public static final String WEAR_METRICS = "wear.metrics";
  public static final String WEAR_BUCKET_SECONDS = "wear.bucket-seconds";
  public static final String WEAR_WINDOW_BUCKETS = "wear.window-buckets";
  public static final String WEAR_MIN_BUCKETS = "wear.min-buckets";
  public static final String WEAR_HORIZON_DAYS = "wear.horizon-days";
  public static final String CHECKPOINT_INTERVAL_MS = "checkpoint.interval-ms";
  public static final String CHECKPOINT_DIR = "checkpoint.dir";
  public static final String LOCAL = "local";
  public static final String LOCAL_WEB_UI_PORT = "local.web-ui-port";
  public static final String EVENTS_MAX_OUT_OF_ORDERNESS_SECONDS =
      "events.max-out-of-orderness-seconds";
  public static final String EVENTS_IDLE_TIMEOUT_SECONDS = "events.idle-timeout-seconds";
  public static final String HISTORY_ALLOWED_LATENESS_SECONDS = "history.allowed-lateness-seconds";
  public static final String HISTORY_RETENTION_DAYS_DEVICE = "history.retention-days.device";
  public static final String HISTORY_RETENTION_DAYS_ROLLUPS = "history.retention-days.rollups";
  public static final String ARCHIVE_PATH = "archive.path";
  public static final String STATE_BACKEND = "state.backend";

  static final Set<String> KEYS =
      Set.of(
          CONFIG,
          KINESIS_STREAM,
          KINESIS_REGION,
          KINESIS_ENDPOINT,
          KINESIS_INITIAL_POSITION,
          KINESIS_INITIAL_TIMESTAMP,
          KINESIS_POLL_INTERVAL_MS,
          KINESIS_CONSUMER,
          KINESIS_EFO_CONSUMER_NAME,
          AWS_ACCESS_KEY,
          AWS_SECRET_KEY,
          DYNAMODB_ENDPOINT,
          DYNAMODB_REGION,
          DYNAMODB_TABLE_DEVICE_HEALTH,
          DYNAMODB_TABLE_ALERTS,
          DYNAMODB_TABLE_BUILDINGS,
          DYNAMODB_TABLE_METRIC_HISTORY,
          DYNAMODB_TABLE_RULES,
          DYNAMODB_CREATE_TABLES,
          OVERHEAT_LIMIT_C,
          OVERHEAT_HYSTERESIS_C,
          OFFLINE_AFTER_SECONDS,
          MAX_LATENESS_SECONDS,
          RULES_POLL_INTERVAL_SECONDS,
          RULES_FILE,
          DEVICE_STATE_RETENTION_DAYS,
          HEALTH_REFRESH_SECONDS,
          ANOMALY_METRICS,
          ANOMALY_ALPHA,
          ANOMALY_Z_THRESHOLD,
          ANOMALY_CONSECUTIVE,
          ANOMALY_WARM_UP,
          WEAR_METRICS,
          WEAR_BUCKET_SECONDS,
          WEAR_WINDOW_BUCKETS,
          WEAR_MIN_BUCKETS,
          WEAR_HORIZON_DAYS,
          CHECKPOINT_INTERVAL_MS,
          CHECKPOINT_DIR,
          LOCAL,
          LOCAL_WEB_UI_PORT,
          EVENTS_MAX_OUT_OF_ORDERNESS_SECONDS,
          EVENTS_IDLE_TIMEOUT_SECONDS,
          HISTORY_ALLOWED_LATENESS_SECONDS,
          HISTORY_RETENTION_DAYS_DEVICE,
          HISTORY_RETENTION_DAYS_ROLLUPS,
          ARCHIVE_PATH,
          STATE_BACKEND);

  public static final String DEFAULT_STREAM = "smartbuilding-telemetry";
  public static final String DEFAULT_REGION = "us-east-1";

  /** Reads {@code --config <file>} (if given) and lets the other arguments override it. */
  public static JobConfig fromArgs(String... args) {
    ParameterTool cli = ParameterTool.fromArgs(args);
    ParameterTool params = cli;
    if (cli.has(CONFIG)) {
      try {
        params = ParameterTool.fromPropertiesFile(cli.get(CONFIG)).mergeWith(cli);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read config file " + cli.get(CONFIG), e);
      }
    }
    return from(params);
  }

  public static JobConfig from(ParameterTool params) {
    Set<String> unknown = new TreeSet<>(params.toMap().keySet());
    unknown.removeAll(KEYS);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown configuration keys " + unknown + "; known keys are " + new TreeSet<>(KEYS));
    }
    Optional<StaticKeys> keys = staticKeys(params);
    String kinesisRegion = text(params, KINESIS_REGION).orElse(DEFAULT_REGION);
    InitialPosition position =
        initialPosition(params, KINESIS_INITIAL_POSITION).orElse(InitialPosition.TRIM_HORIZON);
    KinesisSettings kinesis =
        new KinesisSettings(
            text(params, KINESIS_STREAM).orElse(DEFAULT_STREAM),
            new AwsEndpoint(kinesisRegion, uri(params, KINESIS_ENDPOINT), keys),
            position,
            instant(params, KINESIS_INITIAL_TIMESTAMP),
            Duration.ofMillis(positiveLong(params, KINESIS_POLL_INTERVAL_MS, 200)),
            choice(params, KINESIS_CONSUMER, KinesisSettings.Consumer.class)
                .orElse(KinesisSettings.Consumer.POLLING),
            text(params, KINESIS_EFO_CONSUMER_NAME)
                .orElse(KinesisSettings.DEFAULT_EFO_CONSUMER_NAME));
    DynamoDbSettings dynamoDb =
        new DynamoDbSettings(
            new AwsEndpoint(
                text(params, DYNAMODB_REGION).orElse(kinesisRegion),
                uri(params, DYNAMODB_ENDPOINT),
                keys),
            new TableNames(
                text(params, DYNAMODB_TABLE_DEVICE_HEALTH).orElse(DeviceHealthTable.DEFAULT_NAME),
                text(params, DYNAMODB_TABLE_ALERTS).orElse(AlertTable.DEFAULT_NAME),
                text(params, DYNAMODB_TABLE_BUILDINGS).orElse(BuildingTable.DEFAULT_NAME),
                text(params, DYNAMODB_TABLE_METRIC_HISTORY)
                    .orElse(MetricHistoryTable.DEFAULT_NAME),
                text(params, DYNAMODB_TABLE_RULES).orElse(RuleTable.DEFAULT_NAME)),
            bool(params, DYNAMODB_CREATE_TABLES, false));
    HealthRules rules =
        new HealthRules(
            number(params, OVERHEAT_LIMIT_C, HealthRules.DEFAULT_OVERHEAT_LIMIT_C),
            number(params, OVERHEAT_HYSTERESIS_C, HealthRules.DEFAULT_OVERHEAT_HYSTERESIS_C),
            Duration.ofSeconds(
                positiveLong(
                    params, OFFLINE_AFTER_SECONDS, HealthRules.DEFAULT_OFFLINE_AFTER.toSeconds())),
            Duration.ofSeconds(
                nonNegativeLong(
                    params, MAX_LATENESS_SECONDS, HealthRules.DEFAULT_MAX_LATENESS.toSeconds())),
            anomaly(params),
            wear(params),
            Duration.ofSeconds(
                positiveLong(
                    params,
                    RULES_POLL_INTERVAL_SECONDS,
                    HealthRules.DEFAULT_RULES_POLL_INTERVAL.toSeconds())),
            text(params, RULES_FILE).orElse(null),
            Duration.ofDays(
                positiveLong(
                    params,
                    DEVICE_STATE_RETENTION_DAYS,
                    HealthRules.DEFAULT_DEVICE_STATE_RETENTION.toDays())),
            Duration.ofSeconds(
                nonNegativeLong(
                    params,
                    HEALTH_REFRESH_SECONDS,
                    HealthRules.DEFAULT_HEALTH_REFRESH.toSeconds())));
    return new JobConfig(
        kinesis,
        dynamoDb,
        rules,
        Duration.ofMillis(positiveLong(params, CHECKPOINT_INTERVAL_MS, 10_000)),
        text(params, CHECKPOINT_DIR),
        bool(params, LOCAL, false),
        (int) positiveLong(params, LOCAL_WEB_UI_PORT, 8081),
        events(params),
        history(params),
        text(params, ARCHIVE_PATH).map(ArchiveSettings::new),
        choice(params, STATE_BACKEND, StateBackendChoice.class));
  }

  private static EventTimeSettings events(ParameterTool params) {
    long idleSeconds =
        nonNegativeLong(
            params,
            EVENTS_IDLE_TIMEOUT_SECONDS,
            EventTimeSettings.DEFAULT_IDLE_TIMEOUT.toSeconds());
    return new EventTimeSettings(
        Duration.ofSeconds(
            nonNegativeLong(
                params,
                EVENTS_MAX_OUT_OF_ORDERNESS_SECONDS,
                EventTimeSettings.DEFAULT_MAX_OUT_OF_ORDERNESS.toSeconds())),
        // 0 = a silent source is never idle
        idleSeconds == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(idleSeconds)));
  }

  private static HistorySettings history(ParameterTool params) {
    return new HistorySettings(
        Duration.ofSeconds(
            nonNegativeLong(
                params,
                HISTORY_ALLOWED_LATENESS_SECONDS,
                HistorySettings.DEFAULT_ALLOWED_LATENESS.toSeconds())),
        Duration.ofDays(
            positiveLong(
                params,
                HISTORY_RETENTION_DAYS_DEVICE,
                HistorySettings.DEFAULT_DEVICE_RETENTION.toDays())),
        Duration.ofDays(
            positiveLong(
                params,
                HISTORY_RETENTION_DAYS_ROLLUPS,
                HistorySettings.DEFAULT_ROLLUP_RETENTION.toDays())));
  }

  /** An enum value by name, case-insensitive ("efo", "rocksdb"). */
  private static <E extends Enum<E>> Optional<E> choice(
      ParameterTool params, String key, Class<E> type) {
    Optional<String> value = text(params, key);
    try {
      return value.map(v -> Enum.valueOf(type, v.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          key
              + " must be one of "
              + Arrays.stream(type.getEnumConstants())
                  .map(c -> c.name().toLowerCase(Locale.ROOT))
                  .toList()
              + ", got '"
              + value.get()
              + "'");
    }
  }

  private static Optional<StaticKeys> staticKeys(ParameterTool params) {
    Optional<String> access = text(params, AWS_ACCESS_KEY);
    Optional<String> secret = text(params, AWS_SECRET_KEY);
    if (access.isPresent() != secret.isPresent()) {
      throw new IllegalArgumentException(
          AWS_ACCESS_KEY + " and " + AWS_SECRET_KEY + " go together: set both or neither");
    }
    return access.map(a -> new StaticKeys(a, secret.get()));
  }

  /** The value, or empty when the key is missing or blank (a blank value means "the default"). */
  private static Optional<String> text(ParameterTool params, String key) {
    String value = params.get(key);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  private static Optional<URI> uri(ParameterTool params, String key) {
    return text(params, key)
        .map(
            value -> {
              URI uri;
              try {
                uri = new URI(value);
              } catch (URISyntaxException e) {
                uri = null;
              }
              if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException(
                    key + " must be a URL like http://127.0.0.1:4567, got '" + value + "'");
              }
              return uri;
            });
  }

  private static Optional<Instant> instant(ParameterTool params, String key) {
    try {
      return text(params, key).map(Instant::parse);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(key + " must be ISO-8601 UTC like 2026-01-31T12:00:00Z");
    }
  }

  private static Optional<InitialPosition> initialPosition(ParameterTool params, String key) {
    Optional<String> value = text(params, key);
    try {
      return value.map(v -> InitialPosition.valueOf(v.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          key + " must be TRIM_HORIZON, LATEST or AT_TIMESTAMP, got '" + value.get() + "'");
    }
  }

  private static boolean bool(ParameterTool params, String key, boolean defaultValue) {
    Optional<String> value = text(params, key);
    if (value.isEmpty()) {
      return defaultValue;
    }
    return switch (value.get().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(
              key + " must be true or false, got '" + value.get() + "'");
    };
  }

  private static double number(ParameterTool params, String key, double defaultValue) {
    Optional<String> value = text(params, key);
    try {
      return value.map(Double::parseDouble).orElse(defaultValue);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, got '" + value.get() + "'");
    }
  }

  private static AnomalySettings anomaly(ParameterTool params) {
    AnomalySettings d = AnomalySettings.DEFAULTS;
    try {
      return new AnomalySettings(
          list(params, ANOMALY_METRICS, d.metrics()),
          number(params, ANOMALY_ALPHA, d.alpha()),
          number(params, ANOMALY_Z_THRESHOLD, d.zThreshold()),
          (int) positiveLong(params, ANOMALY_CONSECUTIVE, d.consecutive()),
          (int) positiveLong(params, ANOMALY_WARM_UP, d.warmUp()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("anomaly.*: " + e.getMessage(), e);
    }
  }

  private static WearSettings wear(ParameterTool params) {
    WearSettings d = WearSettings.DEFAULTS;
    try {
      return new WearSettings(
          list(params, WEAR_METRICS, d.metrics()),
          Duration.ofSeconds(positiveLong(params, WEAR_BUCKET_SECONDS, d.bucket().toSeconds())),
          (int) positiveLong(params, WEAR_WINDOW_BUCKETS, d.windowBuckets()),
          (int) positiveLong(params, WEAR_MIN_BUCKETS, d.minBuckets()),
          Duration.ofDays(positiveLong(params, WEAR_HORIZON_DAYS, d.horizon().toDays())));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("wear.*: " + e.getMessage(), e);
    }
  }

  /** A comma-separated list; "none" for an empty one (a blank value means the default). */
  private static List<String> list(ParameterTool params, String key, List<String> defaultValue) {
    return text(params, key)
        .map(
            v ->
                v.equalsIgnoreCase("none")
                    ? List.<String>of()
                    : Arrays.stream(v.split(",")).map(String::trim).filter(m -> !m.isEmpty())
                        .toList())
        .orElse(defaultValue);
  }

  private static long nonNegativeLong(ParameterTool params, String key, long defaultValue) {
    long result = wholeNumber(params, key, defaultValue);
    if (result < 0) {
      throw new IllegalArgumentException(key + " must be >= 0, got " + result);
    }
    return result;
  }

  private static long positiveLong(ParameterTool params, String key, long defaultValue) {
    long result = wholeNumber(params, key, defaultValue);
    if (result <= 0) {
      throw new IllegalArgumentException(key + " must be positive, got " + result);
    }
    return result;
  }

  private static long wholeNumber(ParameterTool params, String key, long defaultValue) {
    Optional<String> value = text(params, key);
    try {
      return value.map(Long::parseLong).orElse(defaultValue);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          key + " must be a whole number, got '" + value.get() + "'");
    }
  }
}
