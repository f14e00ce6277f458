package io.smartbuilding.simulator.physics;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The rhythm of an office building: warm afternoons and cool nights, people in on weekdays from
 * about 8:00 to 18:00. Every device model derives its load from these two curves, so the fleet's
 * readings move together the way a real building's do.
 */
public final class DailyCycle {

  private static final double ARRIVAL_HOUR = 8.0;
  private static final double DEPARTURE_HOUR = 18.0;

  /** Arrivals and departures spread over about an hour rather than happening at once. */
  private static final double RAMP_HOURS = 1.0;

  private static final java.util.concurrent.ConcurrentHashMap<ZoneId, DailyCycle> SHARED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final ZoneId zone;

  /** The local time of the last second asked for: a fleet asks the same second many times. */
  private volatile Local last;

  private record Local(long epochSecond, double hour, boolean weekend) {}

  public DailyCycle(ZoneId zone) {
    this.zone = zone;
  }

  /** One instance per time zone, shared by every device (it is thread-safe). */
  public static DailyCycle of(ZoneId zone) {
    return SHARED.computeIfAbsent(zone, DailyCycle::new);
  }

  /**
   * The outdoor temperature's shape, -1 to +1: mostly the daily swing (coolest at 03:00, warmest
   * at 15:00 local time) plus the weather, which drifts warmer and cooler over days.
   */
  public double warmth(Instant now) {
    double hour = hourOfDay(now);
    return 0.85 * Math.sin(2 * Math.PI * (hour - 9.0) / 24.0) + 0.15 * weather(now);
  }

  /**
   * Warm and cold spells, -1 to +1: two slow waves of 3.3 and 7.9 days, the same for every
   * building and every run, so a replay sees the same weather on the same date.
   */
  public static double weather(Instant now) {
    double days = now.getEpochSecond() / 86_400.0;
    return 0.6 * Math.sin(2 * Math.PI * days / 3.3) + 0.4 * Math.sin(2 * Math.PI * days / 7.9 + 1);
  }

  /** The share of the building's people present, 0 at night and weekends, near 1 mid-day. */
  public double occupancy(Instant now) {
    if (local(now).weekend()) {
      return 0.0;
    }
    double hour = hourOfDay(now);
    double arrived = smoothStep((hour - ARRIVAL_HOUR + RAMP_HOURS / 2) / RAMP_HOURS);
    double left = smoothStep((hour - DEPARTURE_HOUR + RAMP_HOURS / 2) / RAMP_HOURS);
    double lunchDip = 0.25 * Math.exp(-Math.pow((hour - 12.5) / 0.5, 2));
    return Math.max(0.0, arrived - left - lunchDip);
  }

  private double hourOfDay(Instant now) {
    return local(now).hour();
  }

  private Local local(Instant now) {
    long second = now.getEpochSecond();
    Local cached = last;
    if (cached != null && cached.epochSecond() == second) {
      return cached;
    }
    ZonedDateTime local = now.atZone(zone);
    DayOfWeek day = local.getDayOfWeek();
    cached =
        new Local(
            second,
            local.getHour() + local.getMinute() / 60.0 + local.getSecond() / 3600.0,
            day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY);
    last = cached;
    return cached;
  }

  private static double smoothStep(double x) {
    double t = Math.min(1.0, Math.max(0.0, x));
    return t * t * (3 - 2 * t);
  }
}
