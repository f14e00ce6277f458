package io.smartbuilding.contracts.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smartbuilding.contracts.telemetry.RejectReason;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The example telemetry messages of docs/contracts/examples, as every module's tests see them: the
 * same bytes a device would publish.
 */
public final class ContractExamples {

  private static final String ROOT = "contract-examples/telemetry/";

  /** An example payload; {@code expectedReason} is null for a valid one. */
  public record Example(String file, byte[] payload, RejectReason expectedReason) {
    @Override
    public String toString() {
      return file;
    }
  }

  private ContractExamples() {}

  public static List<Example> validTelemetry() {
    List<Example> examples = new ArrayList<>();
    for (JsonNode file : index().get("valid")) {
      examples.add(new Example(file.asText(), read(file.asText()), null));
    }
    return examples;
  }

  public static List<Example> invalidTelemetry() {
    List<Example> examples = new ArrayList<>();
    for (JsonNode entry : index().get("invalid")) {
      String file = entry.get("file").asText();
      examples.add(
          new Example(file, read(file), RejectReason.valueOf(entry.get("reason").asText())));
    }
    return examples;
  }

  public static byte[] read(String file) {
    try (InputStream in = ContractExamples.class.getClassLoader().getResourceAsStream(ROOT + file)) {
      if (in == null) {
        throw new IllegalArgumentException("no contract example " + ROOT + file);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode index() {
    try {
      return new ObjectMapper().readTree(read("index.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
