package io.smartbuilding.contracts.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TelemetryTopicTest {

  @Test
  void buildsAndParsesTheDocumentedLayout() {
    String topic = TelemetryTopic.of("b1", "b1-f2-zs-01");

    assertThat(topic).isEqualTo("buildings/b1/devices/b1-f2-zs-01/telemetry");
    assertThat(TelemetryTopic.parse(topic))
        .contains(new TelemetryTopic.Address("b1", "b1-f2-zs-01"));
  }

  @Test
  void rejectsOtherTopics() {
    assertThat(TelemetryTopic.parse("buildings/b1/devices/d1/status")).isEmpty();
    assertThat(TelemetryTopic.parse("buildings//devices/d1/telemetry")).isEmpty();
    assertThat(TelemetryTopic.parse("buildings/b1/devices/d1/telemetry/extra")).isEmpty();
    assertThat(TelemetryTopic.parse("")).isEmpty();
  }
}
