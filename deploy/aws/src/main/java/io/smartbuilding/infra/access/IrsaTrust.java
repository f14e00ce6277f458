package io.smartbuilding.infra.access;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.services.iam.FederatedPrincipal;

/**
 * IAM Roles for Service Accounts: a role trusts the cluster's OIDC provider, and only tokens whose
 * subject is one ServiceAccount and whose audience is STS. Without the subject condition every pod
 * of the cluster could assume every role.
 */
public final class IrsaTrust {

  static final String AUDIENCE = "sts.amazonaws.com";

  private final String issuer;
  private final String providerArn;

  /**
   * @param issuer the OIDC issuer without {@code https://}
   * @param providerArn the IAM OIDC provider; absent = its ARN in this stack's account
   */
  public IrsaTrust(String issuer, Optional<String> providerArn) {
    this.issuer = issuer;
    this.providerArn =
        providerArn.orElseGet(
            () ->
                Fn.join(
                    "",
                    List.of(
                        "arn:",
                        Aws.PARTITION,
                        ":iam::",
                        Aws.ACCOUNT_ID,
                        ":oidc-provider/",
                        issuer)));
  }

  public FederatedPrincipal principalFor(ServiceAccount account) {
    return new FederatedPrincipal(
        providerArn,
        Map.of(
            "StringEquals", Map.of(issuer + ":sub", account.subject(), issuer + ":aud", AUDIENCE)),
        "sts:AssumeRoleWithWebIdentity");
  }
}
