package io.smartbuilding.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "0, PT0S",
    "0s, PT0S",
    "500ms, PT0.5S",
    "30s, PT30S",
    "1.5s, PT1.5S",
    "10m, PT10M",
    "2h, PT2H",
    "PT1M30S, PT1M30S",
    "pt5s, PT5S",
  })
  void readsTheWaysPeopleWriteDurations(String text, String expected) {
    assertThat(DurationConverter.parse(text)).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"10", "ten minutes", "10d", "-5s", "PT-5S", "''"})
  void refusesTheRest(String text) {
    assertThatThrownBy(() -> DurationConverter.parse(text))
        .isInstanceOf(TypeConversionException.class);
  }
}
