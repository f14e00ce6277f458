package io.smartbuilding.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The one query-api read the benchmark needs: a device's health item, as the apps read it. */
public final class ApiClient {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final String base;
  private final String authorization;

  public ApiClient(int apiPort, String token) {
    this.base = "http://127.0.0.1:" + apiPort + "/api/v1/devices/";
    this.authorization = "Bearer " + token;
  }

  /** The device's {@code lastSeq} through {@code GET /api/v1/devices/{id}/health}; 0 before any. */
  public long lastSeq(String deviceId) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(base + URLEncoder.encode(deviceId, StandardCharsets.UTF_8) + "/health"))
            .header("Authorization", authorization)
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 404) {
      return 0;
    }
    if (response.statusCode() != 200) {
      throw new IOException(
          "GET " + request.uri() + ": HTTP " + response.statusCode() + " " + response.body());
    }
    JsonNode lastSeq = json.readTree(response.body()).path("lastSeq");
    return lastSeq.isNumber() ? lastSeq.asLong() : 0;
  }
}
