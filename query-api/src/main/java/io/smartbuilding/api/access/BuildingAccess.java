package io.smartbuilding.api.access;

import io.smartbuilding.api.problem.ProblemException;
import io.smartbuilding.api.security.AuthFailures;
import io.smartbuilding.api.security.BuildingScope;
import io.smartbuilding.api.security.Caller;
import jakarta.enterprise.context.RequestScoped;

/**
 * The one place that decides which buildings the caller may read and change: those in their token
 * ({@link Caller#buildings()}). The role (read or act) is checked before a resource method runs.
 */
@RequestScoped
public class BuildingAccess {

  private final Caller caller;
  private final AuthFailures failures;

  BuildingAccess(Caller caller, AuthFailures failures) {
    this.caller = caller;
    this.failures = failures;
  }

  public boolean permits(String buildingId) {
    return caller.buildings().permits(buildingId);
  }

  /** The caller's buildings, for reads that go building by building. */
  public BuildingScope scope() {
    return caller.buildings();
  }

  /**
   * Fails with 404, not 403, for a building the caller may not read: callers must not learn which
   * buildings exist outside their scope.
   */
  public void requireReadable(String buildingId, String notFoundDetail) {
    if (!permits(buildingId)) {
      failures.count(AuthFailures.Reason.OUT_OF_SCOPE);
      throw ProblemException.notFound(notFoundDetail);
    }
  }
}
