package io.smartbuilding.api.security;

import java.util.Locale;
import java.util.Optional;

/**
 * What a caller may do. Each role includes the ones before it: a technician can read, a manager can
 * do everything a technician can. The token carries the role names in its groups claim ({@code
 * cognito:groups}, as Cognito writes a user's groups).
 */
public enum Role {
  /** Reads the buildings in the token. */
  VIEWER,
  /** Also acknowledges, assigns, annotates and resolves their buildings' alerts. */
  TECHNICIAN,
  /** Everything, and may hold the all-buildings claim {@code *}. */
  MANAGER;

  /** Role names as they appear in the token and in {@code @RolesAllowed}. */
  public static final String VIEWER_NAME = "viewer";

  public static final String TECHNICIAN_NAME = "technician";
  public static final String MANAGER_NAME = "manager";

  public String claimValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> fromClaim(String value) {
    for (Role role : values()) {
      if (role.claimValue().equals(value)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
