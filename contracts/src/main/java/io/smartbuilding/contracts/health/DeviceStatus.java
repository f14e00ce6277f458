package io.smartbuilding.contracts.health;

/** The health of one device as the maintenance team sees it. */
public enum DeviceStatus {
  OK,
  DEGRADED,
  FAULT,
  OFFLINE
}
