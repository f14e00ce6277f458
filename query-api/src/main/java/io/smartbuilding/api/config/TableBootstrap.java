package io.smartbuilding.api.config;

import io.quarkus.runtime.StartupEvent;
import io.smartbuilding.contracts.tables.TableProvisioner;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Creates the tables on startup when {@code smartbuilding.tables.create-if-missing} is on (dev,
 * test and the local stack). Fails the start if DynamoDB cannot be reached then: on a local stack
 * that is a wrong endpoint, and a clear error beats an API that answers 503 forever.
 */
@Singleton
class TableBootstrap {

  private static final Logger LOG = Logger.getLogger(TableBootstrap.class);

  void onStart(@Observes StartupEvent start, ApiConfig config, DynamoDbClient dynamo) {
    ApiConfig.Tables tables = config.tables();
    if (!tables.createIfMissing()) {
      return;
    }
    new TableProvisioner(dynamo).createIfMissing(tables.names());
    LOG.infof("DynamoDB tables ready: %s", tables.names());
  }
}
