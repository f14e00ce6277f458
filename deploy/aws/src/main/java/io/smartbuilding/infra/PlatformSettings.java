package io.smartbuilding.infra;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * What an operator chooses per deployment, read from CDK context ({@code cdk deploy -c key=value}
 * or {@code cdk.json}). Everything else (names, schemas, permissions) follows from the services'
 * contracts and is not configurable here on purpose.
 *
 * @param telemetryShards shards of the telemetry stream
 * @param deadLetterShards shards of the dead-letter stream
 * @param oidcIssuer the EKS cluster's OIDC issuer without {@code https://}, e.g. {@code
 *     oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE}
 * @param oidcProviderArn the IAM OIDC provider of that issuer; absent = the ARN IAM gives it in
 *     this stack's account ({@code arn:<partition>:iam::<account>:oidc-provider/<issuer>})
 * @param analyticsConsumer how analytics-job reads Kinesis ({@code kinesis.consumer} of the job):
 *     EFO needs more permissions than polling, so the role only has them when chosen here
 * @param checkpointExpirationDays objects under {@code checkpoints/} older than this are deleted (0
 *     = never, the default). Only for full checkpoints, which Flink rewrites every interval, so
 *     that anything older is an orphan of an earlier job. The FlinkDeployment uses incremental
 *     RocksDB checkpoints, whose shared files stay in use for as long as RocksDB keeps them,
 *     however old: expiring those would corrupt the live checkpoint.
 */
public record PlatformSettings(
    int telemetryShards,
    int deadLetterShards,
    String oidcIssuer,
    Optional<String> oidcProviderArn,
    KinesisConsumer analyticsConsumer,
    int checkpointExpirationDays) {

  /**
   * 10,000 devices at one reading every 10 s = 1,000 messages/s of ~250 bytes = 250 KB/s, a quarter
   * of one shard's 1 MB/s write limit (aggregation keeps records/s far below 1,000). Two shards
   * leave room to drain a gateway backlog after an outage and let the job read in parallel.
   */
  public static final int DEFAULT_TELEMETRY_SHARDS = 2;

  public static final int DEFAULT_DEAD_LETTER_SHARDS = 1;
  public static final int DEFAULT_CHECKPOINT_EXPIRATION_DAYS = 0;

  /** The job's {@code kinesis.consumer} values. */
  public enum KinesisConsumer {
    POLLING,
    EFO
  }

  public PlatformSettings {
    if (telemetryShards < 1 || deadLetterShards < 1) {
      throw new IllegalArgumentException("shard counts must be at least 1");
    }
    if (checkpointExpirationDays < 0) {
      throw new IllegalArgumentException("checkpointExpirationDays must be 0 (off) or more");
    }
    if (oidcIssuer == null || oidcIssuer.isBlank()) {
      throw new IllegalArgumentException(
          "context parameter oidcIssuer is required: the cluster's OIDC issuer, e.g. "
              + "-c oidcIssuer=$(aws eks describe-cluster --name smartbuilding "
              + "--query cluster.identity.oidc.issuer --output text)");
    }
    oidcIssuer = oidcIssuer.replaceFirst("^https://", "");
    if (oidcIssuer.contains("*") || !oidcIssuer.contains("/")) {
      throw new IllegalArgumentException("oidcIssuer looks wrong: " + oidcIssuer);
    }
  }

  /**
   * Reads the settings from CDK context; {@code context} returns null for an absent key (as {@code
   * Node.tryGetContext} does). Values from the command line arrive as strings, from cdk.json as
   * JSON values: both are accepted.
   */
  public static PlatformSettings fromContext(Function<String, Object> context) {
    return new PlatformSettings(
        integer(context, "telemetryShards", DEFAULT_TELEMETRY_SHARDS),
        integer(context, "deadLetterShards", DEFAULT_DEAD_LETTER_SHARDS),
        text(context, "oidcIssuer").orElse(null),
        text(context, "oidcProviderArn"),
        text(context, "analyticsKinesisConsumer")
            .map(v -> KinesisConsumer.valueOf(v.toUpperCase(Locale.ROOT)))
            .orElse(KinesisConsumer.POLLING),
        integer(context, "checkpointExpirationDays", DEFAULT_CHECKPOINT_EXPIRATION_DAYS));
  }

  private static Optional<String> text(Function<String, Object> context, String key) {
    Object value = context.apply(key);
    return value == null || value.toString().isBlank()
        ? Optional.empty()
        : Optional.of(value.toString().trim());
  }

  private static int integer(Function<String, Object> context, String key, int fallback) {
    Object value = context.apply(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number n) {
      return n.intValue();
    }
    try {
      return Integer.parseInt(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("context " + key + " must be a whole number: " + value);
    }
  }
}
