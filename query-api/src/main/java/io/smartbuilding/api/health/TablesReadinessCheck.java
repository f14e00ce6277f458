package io.smartbuilding.api.health;

import io.smartbuilding.api.config.ApiConfig;
import io.smartbuilding.contracts.tables.TableProvisioner.TableNames;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Ready when DynamoDB answers and every table the API reads exists. The quarkus-amazon-dynamodb
 * extension has no health check of its own; DescribeTable is free and does not read items.
 */
@Readiness
@ApplicationScoped
class TablesReadinessCheck implements HealthCheck {

  private final DynamoDbClient dynamo;
  private final TableNames tables;

  TablesReadinessCheck(DynamoDbClient dynamo, ApiConfig config) {
    this.dynamo = dynamo;
    this.tables = config.tables().names();
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("DynamoDB tables").up();
    for (String table : List.of(tables.alerts(), tables.deviceHealth(), tables.buildings())) {
      try {
        TableStatus status = dynamo.describeTable(b -> b.tableName(table)).table().tableStatus();
        response.withData(table, status.toString());
        // UPDATING tables still serve reads; only a table on its way out is not ready.
        if (status == TableStatus.DELETING || status == TableStatus.ARCHIVED) {
          response.down();
        }
      } catch (SdkClientException e) {
        // DynamoDB itself is out of reach: the other tables would only repeat the wait.
        return response.withData(table, e.getClass().getSimpleName()).down().build();
      } catch (SdkException e) {
        response.withData(table, e.getClass().getSimpleName()).down();
      }
    }
    return response.build();
  }
}
