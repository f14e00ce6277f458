package io.smartbuilding.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smartbuilding.contracts.telemetry.DeviceType;
import io.smartbuilding.contracts.telemetry.Telemetry;
import io.smartbuilding.contracts.telemetry.TelemetryCodec;
import io.smartbuilding.contracts.telemetry.TelemetryTopic;
import io.smartbuilding.contracts.testing.ContractExamples;
import io.smartbuilding.gateway.ingest.IngestMetrics;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

/**
 * The gateway exposes, under the names Prometheus scrapes, every gateway metric the operator's
 * dashboard and alert rules use: those listed for this test in
 * deploy/observability/metrics-catalog.tsv (a list that module keeps equal to the metrics its
 * PromQL selects).
 */
@QuarkusTest
@TestProfile(GatewayMetricsCatalogIT.OwnApplication.class)
@QuarkusTestResource(value = LocalBrokerAndKinesis.class, restrictToAnnotatedClass = true)
class GatewayMetricsCatalogIT {

  private static final Path CATALOG = Path.of("../deploy/observability/metrics-catalog.tsv");
  private static final String PROOF =
      "ingest-gateway/src/test/java/io/smartbuilding/gateway/GatewayMetricsCatalogIT.java";
  private static final int VALID = 20;

  /** Its own application instance: the counters other tests assert start from zero for them. */
  public static class OwnApplication implements QuarkusTestProfile {}

  @Inject IngestMetrics metrics;

  @Test
  void exposesEveryGatewayMetricTheDashboardAndAlertsUse() throws Exception {
    Set<String> expected = metricsProvedHere();
    assertThat(expected).as("metrics-catalog.tsv lists gateway metrics for this test").isNotEmpty();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        given().get("/q/health/ready").then().statusCode(200));

    TelemetryCodec codec = new TelemetryCodec();
    try (MqttClient device = new MqttClient(
        "tcp://127.0.0.1:" + LocalBrokerAndKinesis.mosquitto.port(), "it-catalog",
        new MemoryPersistence())) {
      device.connect();
      for (int seq = 1; seq <= VALID; seq++) {
        Telemetry t = new Telemetry("b1-f1-zs-01", "b1", 1, "f1-east", DeviceType.ZONE_SENSOR,
            Instant.now(), seq, Map.of("temperatureC", 21.5));
        device.publish(TelemetryTopic.of(t.buildingId(), t.deviceId()), codec.encode(t), 1, false);
      }
      device.publish(TelemetryTopic.of("b1", "b1-f1-zs-01"),
          ContractExamples.invalidTelemetry().get(0).payload(), 1, false);
      device.disconnect();
    }
    // kinesis-local never refuses a record, and the refusal counter (tagged by error code) only
    // exists after the first refusal: report one through the bean the writers report to.
    metrics.recordRefused("ProvisionedThroughputExceededException");

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(sample(scrape(), "gateway_messages_forwarded_total")).isEqualTo(VALID));
    Map<String, Double> scraped = scrape();
    assertThat(scraped.keySet()).containsAll(expected);
    assertThat(sample(scraped, "gateway_messages_dead_lettered_total")).isEqualTo(1);
    assertThat(sample(scraped, "gateway_lag_seconds_bucket")).isPositive();
  }

  /** The catalog's metrics whose proof is this test. */
  private static Set<String> metricsProvedHere() throws IOException {
    Set<String> names = new TreeSet<>();
    for (String line : Files.readAllLines(CATALOG)) {
      String[] cells = line.split("\t");
      if (!line.startsWith("#") && cells.length == 2 && cells[1].strip().equals(PROOF)) {
        names.add(cells[0].strip());
      }
    }
    return names;
  }

  /** Metric name -> sum of its samples, from the Prometheus text format at /q/metrics. */
  private static Map<String, Double> scrape() {
    String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
    Map<String, Double> samples = new TreeMap<>();
    for (String line : body.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int nameEnd = line.indexOf('{') >= 0 ? line.indexOf('{') : line.indexOf(' ');
      String value = line.substring(line.lastIndexOf(' ') + 1);
      samples.merge(line.substring(0, nameEnd), Double.parseDouble(value), Double::sum);
    }
    return samples;
  }

  private static double sample(Map<String, Double> scraped, String name) {
    return scraped.getOrDefault(name, -1.0);
  }
}
