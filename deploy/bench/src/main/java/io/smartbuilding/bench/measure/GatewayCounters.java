package io.smartbuilding.bench.measure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The gateway's message counters, scraped from its Prometheus endpoint {@code /q/metrics}. */
public final class GatewayCounters {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final URI metrics;

  public GatewayCounters(int gatewayPort) {
    this.metrics = URI.create("http://127.0.0.1:" + gatewayPort + "/q/metrics");
  }

  /** received, forwarded (stored in Kinesis), dead-lettered and rejected: totals since start. */
  public record Snapshot(double received, double forwarded, double deadLettered, double rejected) {}

  public Snapshot read() throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(5)).GET().build();
    String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    return parse(body);
  }

  static Snapshot parse(String prometheusText) {
    return new Snapshot(
        sum(prometheusText, "gateway_messages_received_total"),
        sum(prometheusText, "gateway_messages_forwarded_total"),
        sum(prometheusText, "gateway_messages_dead_lettered_total"),
        sum(prometheusText, "gateway_messages_rejected_total"));
  }

  /** Sum of every series of the metric (all label sets). */
  static double sum(String text, String metric) {
    double total = 0;
    for (String line : text.split("\n")) {
      if (line.startsWith(metric + " ") || line.startsWith(metric + "{")) {
        total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return total;
  }
}
