package io.smartbuilding.contracts.alert;

import java.util.Locale;
import java.util.Optional;

/** Where an alert is in its life. The wire value is lower case ({@code open}, ...). */
public enum AlertStatus {
  OPEN,
  ACKNOWLEDGED,
  RESOLVED;

  public String wireValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<AlertStatus> fromWire(String value) {
    for (AlertStatus s : values()) {
      if (s.wireValue().equals(value)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
