package io.smartbuilding.analytics.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartbuilding.contracts.telemetry.RejectReason;
import io.smartbuilding.contracts.telemetry.Telemetry;
import io.smartbuilding.contracts.telemetry.TelemetryCodec;
import io.smartbuilding.contracts.testing.ContractExamples;
import io.smartbuilding.contracts.testing.ContractExamples.Example;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TelemetryDecoderTest {

  private OneInputStreamOperatorTestHarness<byte[], Telemetry> harness;

  @BeforeEach
  void openHarness() throws Exception {
    harness =
        new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(new TelemetryDecoder()));
    // the harness would otherwise guess the output type from the first record, and miss the map
    harness.setup(TelemetryTypeInfo.TELEMETRY.createSerializer(new SerializerConfigImpl()));
    harness.open();
  }

  @AfterEach
  void closeHarness() throws Exception {
    harness.close();
  }

  @Test
  void decodesTheValidContractExamples() throws Exception {
    TelemetryCodec codec = new TelemetryCodec();
    List<Example> examples = ContractExamples.validTelemetry();
    for (Example example : examples) {
      harness.processElement(example.payload(), 0);
    }

    assertThat(harness.extractOutputValues())
        .containsExactlyElementsOf(examples.stream().map(e -> decode(codec, e)).toList());
    assertThat(rejected()).isEmpty();
  }

  @Test
  void setsInvalidRecordsAsideWithTheirReasonAndGoesOn() throws Exception {
    List<Example> invalid = ContractExamples.invalidTelemetry();
    for (Example example : invalid) {
      harness.processElement(example.payload(), 0);
    }
    harness.processElement(ContractExamples.validTelemetry().get(0).payload(), 0);

    assertThat(rejected())
        .extracting(RejectedTelemetry::reason)
        .containsExactlyElementsOf(invalid.stream().map(Example::expectedReason).toList());
    assertThat(rejected()).allSatisfy(r -> assertThat(r.detail()).isNotBlank());
    assertThat(harness.extractOutputValues()).hasSize(1);
  }

  @Test
  void rejectsBytesThatAreNotJson() throws Exception {
    harness.processElement(new byte[] {(byte) 0xF3, (byte) 0x89, 0, 1}, 0);

    assertThat(rejected())
        .singleElement()
        .extracting(RejectedTelemetry::reason)
        .isEqualTo(RejectReason.MALFORMED_JSON);
  }

  private List<RejectedTelemetry> rejected() {
    var side = harness.getSideOutput(TelemetryDecoder.REJECTED);
    return side == null ? List.of() : side.stream().map(StreamRecord::getValue).toList();
  }

  private static Telemetry decode(TelemetryCodec codec, Example example) {
    try {
      return codec.decode(example.payload());
    } catch (Exception e) {
      throw new AssertionError(example + " should be valid", e);
    }
  }
}
