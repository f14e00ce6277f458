package io.smartbuilding.analytics.aws;

import java.io.Serializable;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Makes a DynamoDB client where an operator runs: {@link AwsEndpoint} holds Optionals, which do not
 * serialize, so operators carry this instead and build their client when they open.
 */
@FunctionalInterface
public interface DynamoDbClientFactory extends Serializable {

  DynamoDbClient create();

  static DynamoDbClientFactory of(AwsEndpoint aws) {
    String region = aws.region();
    String endpoint = aws.endpoint().map(URI::toString).orElse(null);
    String accessKey = aws.staticKeys().map(AwsEndpoint.StaticKeys::accessKey).orElse(null);
    String secretKey = aws.staticKeys().map(AwsEndpoint.StaticKeys::secretKey).orElse(null);
    return () ->
        new AwsEndpoint(
                region,
                Optional.ofNullable(endpoint).map(URI::create),
                Optional.ofNullable(accessKey)
                    .map(key -> new AwsEndpoint.StaticKeys(key, secretKey)))
            .dynamoDbClient();
  }
}
