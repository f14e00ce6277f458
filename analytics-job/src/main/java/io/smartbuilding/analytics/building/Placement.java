package io.smartbuilding.analytics.building;

/** Where in its building a device is. */
public record Placement(int floor, String zone) {}
