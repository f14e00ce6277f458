package io.smartbuilding.simulator.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.smartbuilding.simulator.DurationConverter;
import io.smartbuilding.simulator.RateConverter;
import io.smartbuilding.simulator.fault.FaultKind;
import io.smartbuilding.simulator.fault.PlannedFault;
import io.smartbuilding.simulator.fleet.Device;
import io.smartbuilding.simulator.fleet.Fleet;
import io.smartbuilding.simulator.fleet.FleetLayout;
import io.smartbuilding.simulator.fleet.FleetSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Reads scenario files (YAML, or JSON, which is YAML too). Every problem is reported as one line
 * naming the file, the line and column where Jackson knows them, and the field, e.g. {@code
 * demo.yaml line 14 column 11 (faults[1].kind): 'BOOM' is not a fault kind; one of ...}.
 *
 * <pre>
 * seed: 7
 * rate: 1/s                 # optional, per device
 * duration: 10m             # optional
 * faultAfter: 0s            # optional; timeline times count from here
 * timeZone: Europe/Berlin   # optional
 * portfolio: {buildings: 2, floors: 3, devicesPerFloor: 8}
 * randomFaults: 0.01        # optional share of the fleet with a random fault
 * faults:
 *   - {at: 20s, device: b1-f0-ahu-01, kind: OVERHEAT}
 *   - {at: 1m, random: 2, kind: SENSOR_DRIFT}     # two seeded random eligible devices
 *   - {at: 90s, device: b1-f1-zs-01, kind: MALFORMED_BURST, count: 16}
 * </pre>
 */
public final class ScenarioFile {

  /** The file layout, as Jackson binds it; validated into a {@link Scenario}. */
  record Raw(
      Long seed,
      Rate rate,
      Duration duration,
      Duration faultAfter,
      String timeZone,
      RawPortfolio portfolio,
      Double randomFaults,
      List<RawFault> faults) {}

  /** Messages per second per device, written like {@code --rate}: 1/s, 30/min, 0.5. */
  record Rate(double perSecond) {}

  record RawPortfolio(Integer buildings, Integer floors, Integer devicesPerFloor) {}

  record RawFault(Duration at, String device, Integer random, FaultKind kind, Integer count) {}

  private static final ObjectMapper MAPPER = mapper();

  private ScenarioFile() {}

  public static Scenario read(Path file) {
    String name = file.getFileName().toString();
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ScenarioException("scenario file " + file + " does not exist");
    } catch (IOException e) {
      throw new ScenarioException("cannot read scenario file " + file + ": " + e.getMessage());
    }
    return parse(name, text);
  }

  /** Parses {@code text}; {@code name} only appears in error messages. */
  public static Scenario parse(String name, String text) {
    Raw raw;
    try {
      raw = MAPPER.readValue(text, Raw.class);
    } catch (JsonMappingException e) {
      throw new ScenarioException(name + where(e.getLocation()) + path(e) + ": " + reason(e));
    } catch (JsonProcessingException e) {
      throw new ScenarioException(name + where(e.getLocation()) + ": " + reason(e));
    }
    if (raw == null) {
      throw new ScenarioException(name + ": the file is empty");
    }
    return validate(name, raw);
  }

  private static Scenario validate(String name, Raw raw) {
    if (raw.portfolio() == null) {
      throw new ScenarioException(
          name + " (portfolio): missing; e.g. portfolio: {buildings: 2, floors: 3, devicesPerFloor: 8}");
    }
    FleetSpec spec;
    try {
      RawPortfolio p = raw.portfolio();
      spec =
          new FleetSpec(
              required(name, "portfolio.buildings", p.buildings()),
              required(name, "portfolio.floors", p.floors()),
              required(name, "portfolio.devicesPerFloor", p.devicesPerFloor()));
    } catch (IllegalArgumentException e) {
      throw wrap(name, "portfolio", e);
    }
    Optional<ZoneId> zone = Optional.empty();
    if (raw.timeZone() != null) {
      try {
        zone = Optional.of(ZoneId.of(raw.timeZone()));
      } catch (DateTimeException e) {
        throw new ScenarioException(
            name + " (timeZone): '" + raw.timeZone() + "' is not a time zone, e.g. Europe/Berlin");
      }
    }
    double randomFaults = raw.randomFaults() == null ? 0 : raw.randomFaults();
    if (!(randomFaults >= 0 && randomFaults <= 1)) {
      throw new ScenarioException(
          name + " (randomFaults): must be a share of the fleet from 0 to 1, got " + randomFaults);
    }
    long seed = raw.seed() == null ? 42 : raw.seed();
    Fleet fleet = FleetLayout.of(spec);
    Map<String, Device> byId = fleet.byId();
    Random random = new Random(seed);
    List<PlannedFault> timeline = new ArrayList<>();
    List<RawFault> faults = raw.faults() == null ? List.of() : raw.faults();
    for (int i = 0; i < faults.size(); i++) {
      RawFault f = faults.get(i);
      String at = "faults[" + i + "]";
      if (f == null) {
        throw new ScenarioException(name + " (" + at + "): empty entry");
      }
      FaultKind kind = required(name, at + ".kind", f.kind());
      Duration when = f.at() == null ? Duration.ZERO : f.at();
      int count = f.count() == null ? FaultKind.DEFAULT_BURST : f.count();
      if (count < 1) {
        throw new ScenarioException(name + " (" + at + ".count): must be at least 1, got " + count);
      }
      if ((f.device() == null) == (f.random() == null)) {
        throw new ScenarioException(
            name + " (" + at + "): give either 'device: <id>' or 'random: <how many>'");
      }
      List<String> victims;
      if (f.device() != null) {
        Device device = byId.get(f.device());
        if (device == null) {
          throw new ScenarioException(
              name + " (" + at + ".device): no device '" + f.device() + "' in this portfolio;"
                  + " ids look like b1-f0-ahu-01, b1-f1-zs-02");
        }
        if (!kind.appliesTo(device)) {
          throw new ScenarioException(
              name + " (" + at + ".device): " + kind + " cannot hit " + f.device()
                  + "; it applies to " + kind.eligible());
        }
        victims = List.of(f.device());
      } else {
        List<String> eligible =
            fleet.devices().stream().filter(kind::appliesTo).map(Device::id).collect(Collectors.toCollection(ArrayList::new));
        if (f.random() < 1 || f.random() > eligible.size()) {
          throw new ScenarioException(
              name + " (" + at + ".random): must be 1-" + eligible.size() + " (" + kind.eligible()
                  + " in the portfolio), got " + f.random());
        }
        Collections.shuffle(eligible, random);
        victims = eligible.subList(0, f.random());
      }
      for (String id : victims) {
        timeline.add(new PlannedFault(id, kind, when, count));
      }
    }
    return new Scenario(
        spec,
        raw.seed() == null ? OptionalLong.empty() : OptionalLong.of(raw.seed()),
        raw.rate() == null ? OptionalDouble.empty() : OptionalDouble.of(raw.rate().perSecond()),
        Optional.ofNullable(raw.duration()),
        Optional.ofNullable(raw.faultAfter()),
        zone,
        randomFaults,
        timeline);
  }

  private static <T> T required(String name, String field, T value) {
    if (value == null) {
      throw new ScenarioException(name + " (" + field + "): missing");
    }
    return value;
  }

  private static ScenarioException wrap(String name, String field, IllegalArgumentException e) {
    return new ScenarioException(name + " (" + field + "): " + e.getMessage());
  }

  private static String where(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " line " + location.getLineNr() + " column " + location.getColumnNr();
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "" : " (" + path + ")";
  }

  private static String reason(JsonProcessingException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException yaml) {
        // SnakeYAML's own message repeats the source line with a caret: keep the words only.
        return (yaml.getContext() == null ? "" : yaml.getContext() + ": ") + yaml.getProblem();
      }
    }
    String message = e.getOriginalMessage();
    if (message.startsWith("Unrecognized field")) {
      String field = message.replaceAll("(?s)Unrecognized field \"([^\"]*)\".*", "$1");
      return "unknown field '" + field + "'";
    }
    if (message.contains("not one of the values accepted for Enum class")) {
      return message.replaceAll("(?s).*from String \"([^\"]*)\".*", "'$1'")
          + " is not a fault kind; one of "
          + java.util.Arrays.toString(FaultKind.values());
    }
    if (message.startsWith("Cannot deserialize value of type")) {
      String type = message.replaceAll("(?s)Cannot deserialize value of type `([^`]*)`.*", "$1");
      String expected =
          type.contains("List")
              ? "a list (- item)"
              : type.contains("$Raw")
                  ? "a mapping (key: value)"
                  : type.matches(".*(Long|Integer|long|int)") ? "a whole number" : "a " + type.replaceAll(".*[.$]", "");
      return "expected " + expected + " here";
    }
    // Jackson's message may name Java types; the first sentence is the useful part.
    int cut = message.indexOf(" at [Source");
    return cut > 0 ? message.substring(0, cut) : message;
  }

  private static ObjectMapper mapper() {
    SimpleModule units = new SimpleModule("scenario-units");
    units.addDeserializer(
        Duration.class,
        new JsonDeserializer<>() {
          @Override
          public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            try {
              return DurationConverter.parse(text == null ? p.getText() : text);
            } catch (RuntimeException e) {
              throw JsonMappingException.from(p, e.getMessage());
            }
          }
        });
    units.addDeserializer(
        Rate.class,
        new JsonDeserializer<>() {
          @Override
          public Rate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getText().trim().toLowerCase(Locale.ROOT);
            try {
              return new Rate(RateConverter.parse(text));
            } catch (RuntimeException e) {
              throw JsonMappingException.from(p, e.getMessage());
            }
          }
        });
    return new ObjectMapper(new YAMLFactory())
        .registerModule(units)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
  }
}
