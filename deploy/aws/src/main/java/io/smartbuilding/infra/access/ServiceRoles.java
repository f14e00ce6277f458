package io.smartbuilding.infra.access;

import java.util.EnumMap;
import java.util.Map;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.Role;
import software.constructs.Construct;

/** One IAM role per ServiceAccount, assumable only by that ServiceAccount (IRSA). */
public final class ServiceRoles extends Construct {

  private final Map<ServiceAccount, Role> roles = new EnumMap<>(ServiceAccount.class);

  /** {@code policies} holds one document per ServiceAccount: the role's only permissions. */
  public ServiceRoles(
      Construct scope, String id, IrsaTrust trust, Map<ServiceAccount, PolicyDocument> policies) {
    super(scope, id);
    for (ServiceAccount account : ServiceAccount.values()) {
      PolicyDocument policy = policies.get(account);
      if (policy == null) {
        throw new IllegalArgumentException("no policy for " + account);
      }
      roles.put(
          account,
          Role.Builder.create(this, account.accountName())
              .roleName(account.roleName())
              .description(
                  "IRSA role of ServiceAccount "
                      + ServiceAccount.NAMESPACE
                      + "/"
                      + account.accountName())
              .assumedBy(trust.principalFor(account))
              .inlinePolicies(Map.of("access", policy))
              .build());
    }
  }

  public Role role(ServiceAccount account) {
    return roles.get(account);
  }
}
