package io.smartbuilding.api.access;

import io.smartbuilding.api.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;

/**
 * The one place that decides which buildings the caller may read. Today every caller may read every
 * building; when JWT authentication arrives, this bean reads the caller's building claim and the
 * resources stay as they are.
 */
@RequestScoped
public class BuildingAccess {

  public boolean permits(String buildingId) {
    return true;
  }

  /**
   * Fails with 404, not 403, for a building the caller may not read: callers must not learn which
   * buildings exist outside their scope.
   */
  public void requireReadable(String buildingId, String notFoundDetail) {
    if (!permits(buildingId)) {
      throw ProblemException.notFound(notFoundDetail);
    }
  }
}
