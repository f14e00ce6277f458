package io.smartbuilding.api.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.smartbuilding.contracts.telemetry.Identifiers;
import jakarta.enterprise.context.RequestScoped;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The authenticated caller of this request, read from the verified token: who (for the audit
 * trail), the strongest role and the buildings in scope. The HTTP policy has already refused
 * requests without a valid token before a resource asks.
 */
@RequestScoped
public class Caller {

  private final JsonWebToken token;
  private final SecurityIdentity identity;
  private final AuthConfig config;
  private BuildingScope scope;

  Caller(JsonWebToken token, SecurityIdentity identity, AuthConfig config) {
    this.token = token;
    this.identity = identity;
    this.config = config;
  }

  /** The token's subject, written as {@code by} into an alert's audit trail. */
  public String subject() {
    Object named = token.getClaim(config.subjectClaim());
    if (named != null && !String.valueOf(named).isBlank()) {
      return unquoted(String.valueOf(named));
    }
    String subject = token.getSubject();
    return subject != null ? subject : identity.getPrincipal().getName();
  }

  public Optional<Role> role() {
    Role strongest = null;
    for (String group : identity.getRoles()) {
      Optional<Role> role = Role.fromClaim(group);
      if (role.isPresent() && (strongest == null || role.get().compareTo(strongest) > 0)) {
        strongest = role.get();
      }
    }
    return Optional.ofNullable(strongest);
  }

  public BuildingScope buildings() {
    if (scope == null) {
      scope = readScope();
    }
    return scope;
  }

  private BuildingScope readScope() {
    if (identity.isAnonymous()) {
      return BuildingScope.none();
    }
    Object claim = token.getClaim(config.buildingsClaim());
    Set<String> ids = new HashSet<>();
    if (claim instanceof Collection<?> values) {
      values.forEach(v -> ids.add(unquoted(String.valueOf(v))));
    } else if (claim != null) {
      // A Cognito custom attribute is one string: "b1,b2" or "b1 b2".
      ids.addAll(
          Arrays.stream(unquoted(String.valueOf(claim)).split("[,\\s]+"))
              .filter(s -> !s.isEmpty())
              .collect(Collectors.toSet()));
    }
    boolean every = ids.remove(BuildingScope.EVERY_BUILDING) && role().orElse(null) == Role.MANAGER;
    // An id no building can have ("", spaces) would only make DynamoDB refuse the key lookups.
    ids.removeIf(id -> !Identifiers.isValid(id));
    return new BuildingScope(every, Set.copyOf(ids));
  }

  /** smallrye-jwt hands array elements over as JSON values, strings with their quotes. */
  private static String unquoted(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1)
        : value;
  }
}
