package io.smartbuilding.api.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;

/**
 * Publishes the HTTP server timer as a histogram with a few fixed buckets, so that Prometheus can
 * compute p50/p99 across replicas ({@code histogram_quantile}); a mean or max per pod cannot be
 * aggregated that way. Fixed buckets rather than Micrometer's percentile histogram: that one has
 * ~70 buckets per route and status, too many series for a fleet of pods.
 */
@Singleton
public class RequestLatencyHistogram {

  static final String HTTP_SERVER_REQUESTS = "http.server.requests";

  /** {@code smartbuilding.metrics.*} in application.properties. */
  @ConfigMapping(prefix = "smartbuilding.metrics")
  public interface MetricsConfig {

    /** Upper bounds of the request latency buckets. */
    @WithDefault("5ms,10ms,25ms,50ms,100ms,250ms,500ms,1s,2500ms,5s,10s")
    List<Duration> latencyBuckets();
  }

  @Produces
  @Singleton
  MeterFilter httpServerLatencyBuckets(MetricsConfig config) {
    double[] bounds =
        config.latencyBuckets().stream().mapToDouble(bucket -> bucket.toNanos()).sorted().toArray();
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(
          Meter.Id id, DistributionStatisticConfig statistics) {
        if (!id.getName().equals(HTTP_SERVER_REQUESTS)) {
          return statistics;
        }
        return DistributionStatisticConfig.builder()
            .serviceLevelObjectives(bounds)
            .build()
            .merge(statistics);
      }
    };
  }
}
