package io.smartbuilding.api.security;

import java.util.Set;

/** The buildings a caller may see and change: a fixed set, or every building. */
public record BuildingScope(boolean everyBuilding, Set<String> buildingIds) {

  public static final String EVERY_BUILDING = "*";

  public static BuildingScope none() {
    return new BuildingScope(false, Set.of());
  }

  public boolean permits(String buildingId) {
    return buildingId != null && (everyBuilding || buildingIds.contains(buildingId));
  }
}
