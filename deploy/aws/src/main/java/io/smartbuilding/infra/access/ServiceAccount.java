package io.smartbuilding.infra.access;

/**
 * A Kubernetes ServiceAccount of the platform and the IAM role it assumes through IRSA. The
 * Kubernetes manifests (deploy/kubernetes) use exactly these names.
 */
public enum ServiceAccount {
  INGEST_GATEWAY("ingest-gateway"),
  QUERY_API("query-api"),
  ANALYTICS_JOB("analytics-job");

  public static final String NAMESPACE = "smartbuilding";

  private final String name;

  ServiceAccount(String name) {
    this.name = name;
  }

  /** The ServiceAccount's name in {@link #NAMESPACE}. */
  public String accountName() {
    return name;
  }

  /** The IAM role's name: fixed, so the overlay can be written before the stack is deployed. */
  public String roleName() {
    return "smartbuilding-" + name;
  }

  /** The token subject EKS puts in this ServiceAccount's projected tokens. */
  public String subject() {
    return "system:serviceaccount:" + NAMESPACE + ":" + name;
  }
}
