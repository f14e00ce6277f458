package io.smartbuilding.api.dynamo;

import io.smartbuilding.api.config.ApiConfig;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The tables the API reads, under the names configured in {@link ApiConfig}. */
@ApplicationScoped
public class Tables {

  private final Table deviceHealth;
  private final Table alerts;
  private final Table buildings;
  private final Table metricHistory;

  Tables(DynamoDbClient dynamo, ApiConfig config) {
    ApiConfig.Tables names = config.tables();
    this.deviceHealth = new Table(dynamo, names.deviceHealth());
    this.alerts = new Table(dynamo, names.alerts());
    this.buildings = new Table(dynamo, names.buildings());
    this.metricHistory = new Table(dynamo, names.metricHistory());
  }

  public Table deviceHealth() {
    return deviceHealth;
  }

  public Table alerts() {
    return alerts;
  }

  public Table buildings() {
    return buildings;
  }

  public Table metricHistory() {
    return metricHistory;
  }
}
