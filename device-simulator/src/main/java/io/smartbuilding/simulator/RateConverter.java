package io.smartbuilding.simulator;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a per-device message rate the way people write it: {@code 1/s}, {@code 30/min}, {@code
 * 120/h}, or a plain number of messages per second ({@code 0.2} = one every 5 s).
 */
public final class RateConverter implements ITypeConverter<Double> {

  private static final Pattern RATE =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:/\\s*(s|sec|m|min|h|hour))?");

  @Override
  public Double convert(String value) {
    return parse(value);
  }

  /**
   * @return messages per second
   * @throws TypeConversionException with a message saying what is accepted
   */
  public static double parse(String value) {
    Matcher m = RATE.matcher(value.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new TypeConversionException(
          "'" + value + "' is not a rate; use e.g. 1/s, 30/min, 120/h or a number per second");
    }
    double amount = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return switch (unit) {
      case "s", "sec" -> amount;
      case "m", "min" -> amount / 60;
      default -> amount / 3600;
    };
  }
}
