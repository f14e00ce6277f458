package io.smartbuilding.local.chaos;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * MQTT messages the gateway must refuse, each on the telemetry topic of its own device {@code
 * <prefix>-bad-NNN} (so that none of them can be mistaken for the fleet's): hand-written hostile
 * cases for every kind of refusal, then seeded random ones (truncations and binary garbage) that
 * cannot be valid JSON. The validator's own tests cover each reason in detail; here they go over
 * the real wire into the running platform.
 */
final class HostilePayloads {

  record Hostile(String topic, byte[] payload) {}

  private HostilePayloads() {}

  static List<Hostile> generate(String prefix, long seed, int randomOnes) {
    List<byte[]> bodies = new ArrayList<>();
    String now = Instant.now().toString();
    // one device id per case; the payload names it unless the case is about the name
    for (String template : List.of(
        "",
        "null",
        "[]",
        "\"just a string\"",
        "{",
        "{\"deviceId\":\"%s\"}",
        valid("%s", now).replace("\"seq\":1", "\"seq\":\"1\""),
        valid("%s", now).replace("\"floor\":1", "\"floor\":\"one\""),
        valid("%s", now).replace("21.5", "1e999"),
        valid("%s", now).replace("ZONE_SENSOR", "TOASTER"),
        valid("%s", Instant.now().plus(Duration.ofDays(2)).toString()),
        valid("%s", "1970-01-01T00:00:00Z"),
        valid("%s", "yesterday"),
        valid("%s", now).replace("\"seq\":1", "\"seq\":-1"),
        valid("%s", now).replace("\"buildingId\":\"chaos\"", "\"buildingId\":\"other\""))) {
      bodies.add(template.getBytes(StandardCharsets.UTF_8));
    }
    // names the topic does not carry, or no device may have
    bodies.add(valid("someone-else", now).getBytes(StandardCharsets.UTF_8));
    bodies.add(valid("../../etc/passwd", now).getBytes(StandardCharsets.UTF_8));
    bodies.add(valid("<script>alert(1)</script>", now).getBytes(StandardCharsets.UTF_8));
    bodies.add(("{\"a\":" + "[".repeat(100_000)).getBytes(StandardCharsets.UTF_8));
    byte[] huge = new byte[400_000];
    java.util.Arrays.fill(huge, (byte) ' ');
    byte[] start = valid("%s", now).getBytes(StandardCharsets.UTF_8);
    System.arraycopy(start, 0, huge, 0, start.length);
    bodies.add(huge);
    bodies.add(new byte[] {(byte) 0xC3, (byte) 0x28, '{', '}'}); // invalid UTF-8

    Random random = new Random(seed);
    byte[] template = valid("%s", now).getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < randomOnes; i++) {
      byte[] body;
      if (random.nextBoolean()) {
        body = java.util.Arrays.copyOf(template, random.nextInt(template.length - 1));
      } else {
        body = new byte[1 + random.nextInt(300)];
        random.nextBytes(body);
        body[0] = (byte) (0x80 | random.nextInt(0x40)); // a continuation byte: never JSON
      }
      bodies.add(body);
    }

    List<Hostile> hostile = new ArrayList<>();
    for (int i = 0; i < bodies.size(); i++) {
      String device = String.format(Locale.ROOT, "%s-bad-%03d", prefix, i);
      byte[] body = new String(bodies.get(i), StandardCharsets.ISO_8859_1)
          .replace("%s", device).getBytes(StandardCharsets.ISO_8859_1);
      hostile.add(new Hostile("buildings/" + KnownFleet.BUILDING + "/devices/" + device
          + "/telemetry", body));
    }
    return hostile;
  }

  private static String valid(String device, String ts) {
    return "{\"deviceId\":\"" + device + "\",\"buildingId\":\"chaos\",\"floor\":1,"
        + "\"zone\":\"f1-east\",\"deviceType\":\"ZONE_SENSOR\",\"ts\":\"" + ts + "\",\"seq\":1,"
        + "\"metrics\":{\"temperatureC\":21.5}}";
  }
}
