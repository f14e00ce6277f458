package io.smartbuilding.gateway.kinesis;

import io.smartbuilding.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.KinesisClientBuilder;

/**
 * The Kinesis client. No Quarkus extension for Kinesis is available, so it is built here from typed
 * config: static keys only where configured (local emulators), the default chain (IRSA on EKS)
 * otherwise.
 */
@ApplicationScoped
public class KinesisClientProducer {

  @Produces
  @Singleton
  KinesisClient kinesisClient(GatewayConfig config) {
    GatewayConfig.Kinesis k = config.kinesis();
    KinesisClientBuilder builder =
        KinesisClient.builder()
            .region(Region.of(k.region()))
            .httpClientBuilder(UrlConnectionHttpClient.builder());
    k.endpointOverride().ifPresent(builder::endpointOverride);
    if (k.accessKey().isPresent() && k.secretKey().isPresent()) {
      builder.credentialsProvider(
          StaticCredentialsProvider.create(
              AwsBasicCredentials.create(k.accessKey().get(), k.secretKey().get())));
    } else {
      builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
    }
    return builder.build();
  }

  void close(@Disposes KinesisClient client) {
    client.close();
  }
}
