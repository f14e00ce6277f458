package io.smartbuilding.api.history;

import io.smartbuilding.api.problem.ProblemException;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The bucket widths a history can be read at. */
public enum Resolution {
  ONE_MINUTE("1m", Duration.ofMinutes(1)),
  FIVE_MINUTES("5m", Duration.ofMinutes(5)),
  FIFTEEN_MINUTES("15m", Duration.ofMinutes(15)),
  ONE_HOUR("1h", Duration.ofHours(1));

  private final String wireValue;
  private final Duration width;

  Resolution(String wireValue, Duration width) {
    this.wireValue = wireValue;
    this.width = width;
  }

  public String wireValue() {
    return wireValue;
  }

  public Duration width() {
    return width;
  }

  /**
   * The resolution named {@code value}, no finer than {@code source} (the stored series' own width:
   * finer buckets cannot be made from coarser ones); {@code source} when absent.
   */
  public static Resolution parse(String value, Resolution source) {
    if (value == null || value.isEmpty()) {
      return source;
    }
    for (Resolution r : values()) {
      if (r.wireValue.equals(value) && r.compareTo(source) >= 0) {
        return r;
      }
    }
    String allowed =
        Arrays.stream(values())
            .filter(r -> r.compareTo(source) >= 0)
            .map(Resolution::wireValue)
            .collect(Collectors.joining(", "));
    throw ProblemException.invalidParameter(
        "resolution",
        "'resolution' must be one of " + allowed + " for this series (got '" + value + "')");
  }
}
