package io.smartbuilding.infra.access;

import static io.smartbuilding.infra.SynthesizedPlatform.list;
import static io.smartbuilding.infra.SynthesizedPlatform.map;
import static io.smartbuilding.infra.SynthesizedPlatform.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.smartbuilding.infra.RepositoryFiles;
import io.smartbuilding.infra.SynthesizedPlatform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each role may do exactly what its service's code does in production (see ServicePolicies for
 * which code makes which call), and only its ServiceAccount may assume it.
 */
class ServiceRolesTest {

  private static final String TELEMETRY = "kinesis:smartbuilding-telemetry";
  private static final String DEAD_LETTERS = "kinesis:smartbuilding-telemetry-dlq";
  private static final String HEALTH = "dynamodb:smartbuilding-device-health";
  private static final String ALERTS = "dynamodb:smartbuilding-alerts";
  private static final String BUILDINGS = "dynamodb:smartbuilding-buildings";
  private static final String HISTORY = "dynamodb:smartbuilding-metric-history";
  private static final String RULES = "dynamodb:smartbuilding-rules";
  private static final String BUCKET = "s3:data-bucket";
  private static final Set<String> JOB_OBJECTS =
      Set.of(
          BUCKET + "/checkpoints",
          BUCKET + "/checkpoints/*",
          BUCKET + "/savepoints",
          BUCKET + "/savepoints/*",
          BUCKET + "/ha",
          BUCKET + "/ha/*",
          BUCKET + "/archive",
          BUCKET + "/archive/*");
  private static final String CONSUMER =
      TELEMETRY + "/consumer/" + ServicePolicies.EFO_CONSUMER_NAME + ":*";

  private final SynthesizedPlatform platform = SynthesizedPlatform.defaults();
  private final PolicyView view = new PolicyView(platform);

  @Test
  void theGatewayOnlyWritesToItsTwoStreams() {
    assertThat(view.allowed(statementsOf(platform, ServiceAccount.INGEST_GATEWAY)))
        .containsOnly(
            entry("kinesis:ListShards", Set.of(TELEMETRY, DEAD_LETTERS)),
            entry("kinesis:PutRecords", Set.of(TELEMETRY, DEAD_LETTERS)));
  }

  @Test
  void theApiReadsItsTablesAndUpdatesOnlyAlerts() {
    assertThat(view.allowed(statementsOf(platform, ServiceAccount.QUERY_API)))
        .containsOnly(
            entry("dynamodb:BatchGetItem", Set.of(BUILDINGS)),
            entry("dynamodb:DescribeTable", Set.of(HEALTH, ALERTS, BUILDINGS)),
            entry("dynamodb:GetItem", Set.of(HEALTH, ALERTS, BUILDINGS)),
            entry(
                "dynamodb:Query",
                Set.of(
                    HEALTH + "/index/byBuilding",
                    ALERTS + "/index/byBuilding",
                    ALERTS + "/index/byStatus",
                    ALERTS + "/index/byBuildingUpdated",
                    HISTORY)),
            entry("dynamodb:Scan", Set.of(BUILDINGS)),
            entry("dynamodb:UpdateItem", Set.of(ALERTS)));
  }

  @Test
  void theJobPollsTelemetryWritesStateAndUsesItsPrefixes() {
    assertThat(view.allowed(statementsOf(platform, ServiceAccount.ANALYTICS_JOB)))
        .containsOnly(
            entry("kinesis:GetRecords", Set.of(TELEMETRY)),
            entry("kinesis:GetShardIterator", Set.of(TELEMETRY)),
            entry("kinesis:ListShards", Set.of(TELEMETRY)),
            entry("dynamodb:BatchWriteItem", Set.of(HEALTH, BUILDINGS, HISTORY)),
            entry("dynamodb:UpdateItem", Set.of(ALERTS)),
            entry("dynamodb:Scan", Set.of(RULES)),
            entry("s3:ListBucket", Set.of(BUCKET)),
            entry("s3:GetObject", JOB_OBJECTS),
            entry("s3:PutObject", JOB_OBJECTS),
            entry("s3:DeleteObject", JOB_OBJECTS),
            entry("s3:AbortMultipartUpload", JOB_OBJECTS),
            entry("s3:ListMultipartUploadParts", JOB_OBJECTS));
  }

  @Test
  void theJobMayListOnlyItsPrefixes() {
    Map<String, Object> listing =
        statementsOf(platform, ServiceAccount.ANALYTICS_JOB).stream()
            .filter(s -> "s3:ListBucket".equals(s.get("Action")))
            .findFirst()
            .orElseThrow();
    assertThat(list(map(map(listing.get("Condition")).get("StringLike")).get("s3:prefix")))
        .containsExactlyInAnyOrder(
            "checkpoints",
            "checkpoints/*",
            "savepoints",
            "savepoints/*",
            "ha",
            "ha/*",
            "archive",
            "archive/*");
  }

  @Test
  void enhancedFanOutAddsOnlyTheConsumerCalls() {
    SynthesizedPlatform efo = SynthesizedPlatform.with(Map.of("analyticsKinesisConsumer", "efo"));
    PolicyView efoView = new PolicyView(efo);
    Map<String, Set<String>> polling =
        view.allowed(statementsOf(platform, ServiceAccount.ANALYTICS_JOB));
    Map<String, Set<String>> withEfo =
        efoView.allowed(statementsOf(efo, ServiceAccount.ANALYTICS_JOB));

    assertThat(withEfo).containsAllEntriesOf(polling);
    withEfo.keySet().removeAll(polling.keySet());
    assertThat(withEfo)
        .containsOnly(
            entry("kinesis:DescribeStreamSummary", Set.of(TELEMETRY)),
            entry("kinesis:RegisterStreamConsumer", Set.of(TELEMETRY)),
            entry("kinesis:DescribeStreamConsumer", Set.of(CONSUMER)),
            entry("kinesis:SubscribeToShard", Set.of(CONSUMER)),
            entry("kinesis:DeregisterStreamConsumer", Set.of(CONSUMER)));
    assertThat(efoView.leastPrivilegeProblems(statementsOf(efo, ServiceAccount.ANALYTICS_JOB)))
        .isEmpty();
  }

  @Test
  void theFanOutConsumerIsTheJobsDefault() {
    assertThat(
            RepositoryFiles.firstStringAfter(
                "analytics-job/src/main/java/io/smartbuilding/analytics/aws/KinesisSettings.java",
                "DEFAULT_EFO_CONSUMER_NAME",
                "=\\s*\"([^\"]+)\""))
        .isEqualTo(ServicePolicies.EFO_CONSUMER_NAME);
  }

  @Test
  void noStatementUsesWildcardActionsOrResources() {
    for (ServiceAccount account : ServiceAccount.values()) {
      assertThat(view.leastPrivilegeProblems(statementsOf(platform, account)))
          .as(account.roleName())
          .isEmpty();
    }
  }

  @Test
  void theWildcardCheckCatchesABroadGrant() {
    List<Map<String, Object>> broadened =
        new ArrayList<>(statementsOf(platform, ServiceAccount.QUERY_API));
    broadened.add(Map.of("Effect", "Allow", "Action", "dynamodb:*", "Resource", "*"));
    broadened.add(
        Map.of(
            "Effect",
            "Allow",
            "Action",
            List.of("s3:GetObject"),
            "Resource",
            Map.of("Fn::Join", List.of("", List.of("arn:aws:s3:::other-bucket/", "*")))));

    assertThat(view.leastPrivilegeProblems(broadened))
        .containsExactly(
            "wildcard action dynamodb:*",
            "resource * for dynamodb:*",
            "wildcard resource arn:aws:s3:::other-bucket/*");
  }

  @Test
  void noServiceMayCreateOrDeleteTablesOrStreams() {
    for (ServiceAccount account : ServiceAccount.values()) {
      assertThat(view.allowed(statementsOf(platform, account)).keySet())
          .as(account.roleName())
          .noneMatch(
              a -> a.matches("(dynamodb|kinesis):(Create|Delete|Update(Table|Stream|Shard)).*"));
    }
  }

  @Test
  void permissionsLiveOnlyInTheRolesOwnPolicy() {
    // a grantXxx() elsewhere would add an AWS::IAM::Policy or a managed policy: it must show here
    assertThat(platform.resources("AWS::IAM::Policy")).isEmpty();
    assertThat(platform.resources("AWS::IAM::ManagedPolicy")).isEmpty();
    assertThat(platform.resources("AWS::IAM::Role").values())
        .allSatisfy(r -> assertThat(properties(r)).doesNotContainKey("ManagedPolicyArns"))
        .hasSize(ServiceAccount.values().length);
  }

  @Test
  void eachRoleIsAssumableOnlyByItsServiceAccount() {
    for (ServiceAccount account : ServiceAccount.values()) {
      Map<String, Object> trust = map(role(platform, account).get("AssumeRolePolicyDocument"));
      assertThat(list(trust.get("Statement")))
          .as(account.roleName())
          .containsExactly(
              Map.of(
                  "Effect",
                  "Allow",
                  "Action",
                  "sts:AssumeRoleWithWebIdentity",
                  "Principal",
                  Map.of("Federated", SynthesizedPlatform.PROVIDER_ARN),
                  "Condition",
                  Map.of(
                      "StringEquals",
                      Map.of(
                          SynthesizedPlatform.ISSUER + ":sub",
                          "system:serviceaccount:smartbuilding:" + account.accountName(),
                          SynthesizedPlatform.ISSUER + ":aud",
                          "sts.amazonaws.com"))));
    }
  }

  @Test
  void rolesHaveTheNamesTheKubernetesSideUses() {
    assertThat(
            platform.resources("AWS::IAM::Role").values().stream()
                .map(r -> properties(r).get("RoleName")))
        .containsExactlyInAnyOrder(
            "smartbuilding-ingest-gateway",
            "smartbuilding-query-api",
            "smartbuilding-analytics-job");
  }

  @Test
  void withoutAProviderArnTheRoleTrustsTheIssuersProviderInThisAccount() {
    SynthesizedPlatform derived = SynthesizedPlatform.with(Map.of("oidcProviderArn", ""));
    Map<String, Object> statement =
        map(
            list(map(role(derived, ServiceAccount.QUERY_API).get("AssumeRolePolicyDocument"))
                    .get("Statement"))
                .get(0));
    assertThat(new PolicyView(derived).render(map(statement.get("Principal")).get("Federated")))
        .isEqualTo(
            "arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/"
                + SynthesizedPlatform.ISSUER);
  }

  static List<Map<String, Object>> statementsOf(
      SynthesizedPlatform platform, ServiceAccount account) {
    List<Map<String, Object>> statements = new ArrayList<>();
    for (Object policy : list(role(platform, account).getOrDefault("Policies", List.of()))) {
      for (Object s : list(map(map(policy).get("PolicyDocument")).get("Statement"))) {
        statements.add(map(s));
      }
    }
    return statements;
  }

  private static Map<String, Object> role(SynthesizedPlatform platform, ServiceAccount account) {
    return platform.resources("AWS::IAM::Role").values().stream()
        .map(SynthesizedPlatform::properties)
        .filter(p -> account.roleName().equals(p.get("RoleName")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no role " + account.roleName()));
  }
}
