package io.smartbuilding.infra.storage;

import static io.smartbuilding.infra.SynthesizedPlatform.list;
import static io.smartbuilding.infra.SynthesizedPlatform.map;
import static io.smartbuilding.infra.SynthesizedPlatform.properties;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartbuilding.infra.SynthesizedPlatform;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataBucketTest {

  private final SynthesizedPlatform platform = SynthesizedPlatform.defaults();

  @Test
  void thereIsOneBucketNamedAfterAccountAndRegion() {
    assertThat(platform.resources("AWS::S3::Bucket")).hasSize(1);
    assertThat(bucket().get("BucketName"))
        .isEqualTo(
            Map.of(
                "Fn::Join",
                List.of(
                    "",
                    List.of(
                        "smartbuilding-data-",
                        Map.of("Ref", "AWS::AccountId"),
                        "-",
                        Map.of("Ref", "AWS::Region")))));
  }

  @Test
  void blocksEveryKindOfPublicAccess() {
    assertThat(bucket().get("PublicAccessBlockConfiguration"))
        .isEqualTo(
            Map.of(
                "BlockPublicAcls", true,
                "BlockPublicPolicy", true,
                "IgnorePublicAcls", true,
                "RestrictPublicBuckets", true));
    assertThat(bucket().get("OwnershipControls"))
        .isEqualTo(Map.of("Rules", List.of(Map.of("ObjectOwnership", "BucketOwnerEnforced"))));
  }

  @Test
  void isEncryptedUnversionedAndRetained() {
    assertThat(bucket().get("BucketEncryption"))
        .isEqualTo(
            Map.of(
                "ServerSideEncryptionConfiguration",
                List.of(
                    Map.of("ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))));
    assertThat(bucket()).doesNotContainKey("VersioningConfiguration");
    Map<String, Object> resource = platform.resources("AWS::S3::Bucket").values().iterator().next();
    assertThat(resource.get("DeletionPolicy")).isEqualTo("Retain");
  }

  @Test
  void thePolicyDeniesEveryRequestWithoutTls() {
    Map<String, Map<String, Object>> policies = platform.resources("AWS::S3::BucketPolicy");
    assertThat(policies).hasSize(1);
    List<Object> statements =
        list(
            map(properties(policies.values().iterator().next()).get("PolicyDocument"))
                .get("Statement"));
    assertThat(statements)
        .anySatisfy(
            s -> {
              Map<String, Object> statement = map(s);
              assertThat(statement.get("Effect")).isEqualTo("Deny");
              assertThat(statement.get("Action")).isEqualTo("s3:*");
              assertThat(statement.get("Principal")).isEqualTo(Map.of("AWS", "*"));
              assertThat(statement.get("Condition"))
                  .isEqualTo(Map.of("Bool", Map.of("aws:SecureTransport", "false")));
              // the bucket itself and every object in it
              assertThat(list(statement.get("Resource"))).hasSize(2);
            });
    // and nothing in it allows anyone anything
    assertThat(statements).allSatisfy(s -> assertThat(map(s).get("Effect")).isEqualTo("Deny"));
  }

  @Test
  void byDefaultOnlyUnfinishedUploadsAreCleanedUp() {
    // incremental checkpoints keep old shared files in use: nothing of the job's expires
    assertThat(list(map(bucket().get("LifecycleConfiguration")).get("Rules")))
        .containsExactly(
            Map.of(
                "Id", "abort-incomplete-uploads",
                "AbortIncompleteMultipartUpload", Map.of("DaysAfterInitiation", 2),
                "Status", "Enabled"));
  }

  @Test
  void oldCheckpointsExpireWhenAskedToAndNothingElseDoes() {
    SynthesizedPlatform expiring = SynthesizedPlatform.with(Map.of("checkpointExpirationDays", 14));
    Map<String, Object> bucket =
        properties(expiring.resources("AWS::S3::Bucket").values().iterator().next());
    List<Object> rules = list(map(bucket.get("LifecycleConfiguration")).get("Rules"));

    assertThat(rules)
        .contains(
            Map.of(
                "Id",
                "expire-old-checkpoints",
                "Prefix",
                DataBucket.CHECKPOINTS,
                "ExpirationInDays",
                14,
                "Status",
                "Enabled"));
    // savepoints, HA metadata and the archive never expire
    assertThat(rules)
        .filteredOn(r -> map(r).containsKey("ExpirationInDays"))
        .allSatisfy(r -> assertThat(map(r).get("Prefix")).isEqualTo(DataBucket.CHECKPOINTS));
  }

  private Map<String, Object> bucket() {
    return properties(platform.resources("AWS::S3::Bucket").values().iterator().next());
  }
}
