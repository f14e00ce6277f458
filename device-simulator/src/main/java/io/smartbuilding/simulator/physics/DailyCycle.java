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

  private final ZoneId zone;

  public DailyCycle(ZoneId zone) {
    this.zone = zone;
  }

  /** -1 at 03:00, +1 at 15:00 local time: the shape of the outdoor temperature over a day. */
  public double warmth(Instant now) {
    double hour = hourOfDay(now);
    return Math.sin(2 * Math.PI * (hour - 9.0) / 24.0);
  }

  /** The share of the building's people present, 0 at night and weekends, near 1 mid-day. */
  public double occupancy(Instant now) {
    ZonedDateTime local = now.atZone(zone);
    DayOfWeek day = local.getDayOfWeek();
    if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
      return 0.0;
    }
    double hour = hourOfDay(now);
    double arrived = smoothStep((hour - ARRIVAL_HOUR + RAMP_HOURS / 2) / RAMP_HOURS);
    double left = smoothStep((hour - DEPARTURE_HOUR + RAMP_HOURS / 2) / RAMP_HOURS);
    double lunchDip = 0.25 * Math.exp(-Math.pow((hour - 12.5) / 0.5, 2));
    return Math.max(0.0, arrived - left - lunchDip);
  }

  private double hourOfDay(Instant now) {
    ZonedDateTime local = now.atZone(zone);
    return local.getHour() + local.getMinute() / 60.0 + local.getSecond() / 3600.0;
  }

  private static double smoothStep(double x) {
    double t = Math.min(1.0, Math.max(0.0, x));
    return t * t * (3 - 2 * t);
  }
}
