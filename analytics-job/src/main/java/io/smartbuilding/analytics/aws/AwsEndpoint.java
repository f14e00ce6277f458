package io.smartbuilding.analytics.aws;

import java.net.URI;
import java.util.Optional;
import java.util.Properties;
import org.apache.flink.connector.aws.config.AWSConfigConstants;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Where one AWS service is and how to sign requests to it. In AWS only the region is set and the
 * credentials come from the default chain (IRSA on EKS, the instance role, ...); against the local
 * emulators the endpoint points at a loopback port and static keys are given.
 *
 * @param endpoint empty for the service's real AWS endpoint
 * @param staticKeys access key and secret; empty for the default credential chain
 */
public record AwsEndpoint(String region, Optional<URI> endpoint, Optional<StaticKeys> staticKeys) {

  /** Access key pair for local emulators, which accept any key but still want one. */
  public record StaticKeys(String accessKey, String secretKey) {
    @Override
    public String toString() {
      return "StaticKeys[accessKey=" + accessKey + ", secretKey=***]";
    }
  }

  /** The properties both AWS connectors (Kinesis consumer, DynamoDB sink) understand. */
  public Properties connectorProperties() {
    Properties props = new Properties();
    props.setProperty(AWSConfigConstants.AWS_REGION, region);
    endpoint.ifPresent(uri -> props.setProperty(AWSConfigConstants.AWS_ENDPOINT, uri.toString()));
    staticKeys.ifPresentOrElse(
        keys -> {
          props.setProperty(AWSConfigConstants.AWS_CREDENTIALS_PROVIDER, "BASIC");
          props.setProperty(AWSConfigConstants.AWS_ACCESS_KEY_ID, keys.accessKey());
          props.setProperty(AWSConfigConstants.AWS_SECRET_ACCESS_KEY, keys.secretKey());
        },
        () -> props.setProperty(AWSConfigConstants.AWS_CREDENTIALS_PROVIDER, "AUTO"));
    return props;
  }

  /** A plain synchronous client, for the one-off table setup before the job starts. */
  public DynamoDbClient dynamoDbClient() {
    var builder =
        DynamoDbClient.builder()
            .region(Region.of(region))
            .credentialsProvider(credentialsProvider())
            .httpClientBuilder(UrlConnectionHttpClient.builder());
    endpoint.ifPresent(builder::endpointOverride);
    return builder.build();
  }

  private AwsCredentialsProvider credentialsProvider() {
    return staticKeys
        .<AwsCredentialsProvider>map(
            keys ->
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(keys.accessKey(), keys.secretKey())))
        .orElseGet(() -> DefaultCredentialsProvider.builder().build());
  }
}
