package io.smartbuilding.api.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.internal.WebIdentityCredentialsUtils;

/**
 * On EKS the DynamoDB client gets its credentials from the pod's web identity token (IAM Roles for
 * Service Accounts). The SDK's default chain finds that token only through the STS module, and
 * without it silently falls through to the node's role; the factory lookup below is the one the
 * chain makes.
 */
class WebIdentityCredentialsTest {

  @Test
  void theDefaultCredentialsChainCanUseTheServiceAccountsWebIdentityToken() {
    assertThat(WebIdentityCredentialsUtils.factory()).isNotNull();
  }
}
