package io.smartbuilding.contracts.testing;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** AWS SDK clients pointed at a local stand-in, with the dummy credentials the emulators accept. */
public final class LocalAwsClients {

  private LocalAwsClients() {}

  public static KinesisClient kinesis(LoopbackProcess emulator) {
    return KinesisClient.builder()
        .endpointOverride(URI.create(LocalStandIns.endpoint(emulator)))
        .region(Region.of(LocalStandIns.REGION))
        .credentialsProvider(credentials())
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  public static DynamoDbClient dynamoDb(LoopbackProcess emulator) {
    return DynamoDbClient.builder()
        .endpointOverride(URI.create(LocalStandIns.endpoint(emulator)))
        .region(Region.of(LocalStandIns.REGION))
        .credentialsProvider(credentials())
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  private static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(LocalStandIns.ACCESS_KEY, LocalStandIns.SECRET_KEY));
  }
}
