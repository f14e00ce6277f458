package io.smartbuilding.gateway.health;

import io.smartbuilding.gateway.IngestPipeline;
import io.smartbuilding.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready = connected to the broker and Kinesis accepting writes; a replica that is not ready should
 * get no traffic but must not be restarted. Live = the writer thread runs.
 */
@ApplicationScoped
public class GatewayHealthChecks {

  @Produces
  @Readiness
  HealthCheck ready(IngestPipeline pipeline, GatewayConfig config) {
    return () -> {
      Duration failing = pipeline.kinesisFailingFor();
      boolean kinesisOk = failing.compareTo(config.batch().unhealthyAfter()) < 0;
      boolean mqttOk = pipeline.mqttConnected();
      return HealthCheckResponse.named("ingest")
          .status(kinesisOk && mqttOk)
          .withData("mqttConnected", mqttOk)
          .withData("kinesisFailingForSeconds", failing.toSeconds())
          .build();
    };
  }

  @Produces
  @Liveness
  HealthCheck live(IngestPipeline pipeline) {
    return () ->
        HealthCheckResponse.named("kinesis-writer").status(pipeline.writerAlive()).build();
  }
}
