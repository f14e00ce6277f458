package io.smartbuilding.infra;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app: {@code cdk synth|deploy} runs this (see cdk.json). Account and region come from the
 * CLI's credentials and profile (CDK_DEFAULT_ACCOUNT/CDK_DEFAULT_REGION), settings from context.
 */
public final class InfrastructureApp {

  private InfrastructureApp() {}

  public static void main(String[] args) {
    App app = new App();
    PlatformSettings settings = PlatformSettings.fromContext(app.getNode()::tryGetContext);
    new PlatformDataStack(
        app,
        PlatformDataStack.STACK_NAME,
        StackProps.builder()
            .description("Smart building platform: streams, tables, data bucket, IRSA roles")
            .env(
                Environment.builder()
                    .account(System.getenv("CDK_DEFAULT_ACCOUNT"))
                    .region(System.getenv("CDK_DEFAULT_REGION"))
                    .build())
            .build(),
        settings);
    app.synth();
  }
}
