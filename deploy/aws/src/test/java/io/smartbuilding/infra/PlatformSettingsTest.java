package io.smartbuilding.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartbuilding.infra.PlatformSettings.KinesisConsumer;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlatformSettingsTest {

  private static final String ISSUER = "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE";

  @Test
  void defaultsNeedOnlyTheIssuer() {
    PlatformSettings settings =
        PlatformSettings.fromContext(Map.<String, Object>of("oidcIssuer", ISSUER)::get);

    assertThat(settings)
        .isEqualTo(
            new PlatformSettings(2, 1, ISSUER, Optional.empty(), KinesisConsumer.POLLING, 0));
  }

  @Test
  void acceptsTheIssuerUrlAsEksPrintsIt() {
    assertThat(
            PlatformSettings.fromContext(
                    Map.<String, Object>of("oidcIssuer", "https://" + ISSUER)::get)
                .oidcIssuer())
        .isEqualTo(ISSUER);
  }

  @Test
  void readsCommandLineStringsAndJsonNumbers() {
    PlatformSettings settings =
        PlatformSettings.fromContext(
            Map.<String, Object>of(
                    "oidcIssuer", ISSUER,
                    "telemetryShards", "4",
                    "deadLetterShards", 2,
                    "analyticsKinesisConsumer", "efo",
                    "checkpointExpirationDays", "14")
                ::get);

    assertThat(settings.telemetryShards()).isEqualTo(4);
    assertThat(settings.deadLetterShards()).isEqualTo(2);
    assertThat(settings.analyticsConsumer()).isEqualTo(KinesisConsumer.EFO);
    assertThat(settings.checkpointExpirationDays()).isEqualTo(14);
  }

  @Test
  void refusesToSynthesizeWithoutAnIssuer() {
    assertThatThrownBy(() -> PlatformSettings.fromContext(Map.<String, Object>of()::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("oidcIssuer is required");
  }

  @Test
  void refusesAWildcardIssuerAndNonsenseCounts() {
    assertThatThrownBy(
            () -> PlatformSettings.fromContext(Map.<String, Object>of("oidcIssuer", "*")::get))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                PlatformSettings.fromContext(
                    Map.<String, Object>of("oidcIssuer", ISSUER, "telemetryShards", "0")::get))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
