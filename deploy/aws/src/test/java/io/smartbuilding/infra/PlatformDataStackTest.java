package io.smartbuilding.infra;

import static io.smartbuilding.infra.SynthesizedPlatform.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartbuilding.infra.access.ServiceAccount;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformDataStackTest {

  private final SynthesizedPlatform platform = SynthesizedPlatform.defaults();

  @Test
  void outputsEverythingTheKubernetesOverlayNeeds() {
    Map<String, Object> outputs = map(platform.json().get("Outputs"));

    assertThat(outputs)
        .containsKeys(
            "IngestGatewayRoleArn",
            "QueryApiRoleArn",
            "AnalyticsJobRoleArn",
            "DataBucketName",
            "TelemetryStreamName",
            "TelemetryStreamArn",
            "DeadLetterStreamName",
            "DeadLetterStreamArn",
            "DeviceHealthTableName",
            "AlertsTableName",
            "BuildingsTableName",
            "MetricHistoryTableName",
            "RulesTableName")
        .hasSize(13);
    for (ServiceAccount account : ServiceAccount.values()) {
      Object value = map(outputs.get(PlatformDataStack.roleOutputId(account))).get("Value");
      assertThat(map(value)).containsKey("Fn::GetAtt");
    }
  }

  @Test
  void containsOnlyTheDataResourcesAndRoles() {
    assertThat(platform.resources("AWS::Kinesis::Stream")).hasSize(2);
    assertThat(platform.resources("AWS::DynamoDB::Table")).hasSize(5);
    assertThat(platform.resources("AWS::S3::Bucket")).hasSize(1);
    assertThat(platform.resources("AWS::S3::BucketPolicy")).hasSize(1);
    assertThat(platform.resources("AWS::IAM::Role")).hasSize(3);
    // no custom resources (Lambda functions, auto-delete helpers) sneak in
    assertThat(map(platform.json().get("Resources"))).hasSize(12);
  }
}
