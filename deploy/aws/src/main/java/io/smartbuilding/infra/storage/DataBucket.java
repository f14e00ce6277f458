package io.smartbuilding.infra.storage;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The one bucket of analytics-job: Flink checkpoints, savepoints, HA metadata and the Parquet
 * archive, each under its own prefix. Named {@code smartbuilding-data-<account>-<region>} so the
 * FlinkDeployment can be written without looking anything up.
 *
 * <p>Private (all public access blocked, bucket-owner objects only, TLS required by the bucket
 * policy) and encrypted with S3-managed keys, which need no KMS permissions in the job's role.
 *
 * <p>Versioning is off: Flink deletes superseded checkpoints itself, and with versioning every one
 * of them (one every checkpoint interval) would stay as a billed noncurrent version. Savepoints and
 * archive files are written once under new keys, so versions would protect nothing there that
 * point-in-time recovery of the tables and the retained bucket do not.
 */
public final class DataBucket extends Construct {

  public static final String NAME_PREFIX = "smartbuilding-data-";
  public static final String CHECKPOINTS = "checkpoints/";
  public static final String SAVEPOINTS = "savepoints/";
  public static final String HA = "ha/";
  public static final String ARCHIVE = "archive/";

  /** Every prefix the job writes to. */
  public static final List<String> PREFIXES = List.of(CHECKPOINTS, SAVEPOINTS, HA, ARCHIVE);

  private final Bucket bucket;

  /**
   * @param checkpointExpirationDays see {@code PlatformSettings}; 0 keeps checkpoints until Flink
   *     (num-retained) or an operator deletes them
   */
  public DataBucket(Construct scope, String id, int checkpointExpirationDays) {
    super(scope, id);
    List<LifecycleRule> rules = new ArrayList<>();
    // An upload the job did not finish (a crash mid-checkpoint or mid-Parquet file) costs
    // storage and is invisible in listings.
    rules.add(
        LifecycleRule.builder()
            .id("abort-incomplete-uploads")
            .abortIncompleteMultipartUploadAfter(Duration.days(2))
            .build());
    if (checkpointExpirationDays > 0) {
      rules.add(
          LifecycleRule.builder()
              .id("expire-old-checkpoints")
              .prefix(CHECKPOINTS)
              .expiration(Duration.days(checkpointExpirationDays))
              .build());
    }
    bucket =
        Bucket.Builder.create(this, "Bucket")
            .bucketName(Fn.join("", List.of(NAME_PREFIX, Aws.ACCOUNT_ID, "-", Aws.REGION)))
            .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
            .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
            .encryption(BucketEncryption.S3_MANAGED)
            .enforceSsl(true)
            .versioned(false)
            .lifecycleRules(rules)
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();
  }

  public Bucket bucket() {
    return bucket;
  }
}
