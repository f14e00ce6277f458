package io.smartbuilding.api.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smartbuilding.contracts.tables.AlertTable;
import io.smartbuilding.contracts.tables.BuildingTable;
import io.smartbuilding.contracts.tables.DeviceHealthTable;
import io.smartbuilding.contracts.tables.MetricHistoryTable;
import io.smartbuilding.contracts.tables.RuleTable;
import io.smartbuilding.contracts.tables.TableProvisioner.TableNames;

/** Everything query-api reads from {@code smartbuilding.*} in application.properties. */
@ConfigMapping(prefix = "smartbuilding")
public interface ApiConfig {

  Tables tables();

  /** The DynamoDB tables analytics-job writes; the names default to the contract's. */
  interface Tables {

    @WithDefault(DeviceHealthTable.DEFAULT_NAME)
    String deviceHealth();

    @WithDefault(AlertTable.DEFAULT_NAME)
    String alerts();

    @WithDefault(BuildingTable.DEFAULT_NAME)
    String buildings();

    @WithDefault(MetricHistoryTable.DEFAULT_NAME)
    String metricHistory();

    @WithDefault(RuleTable.DEFAULT_NAME)
    String rules();

    /**
     * Create missing tables on startup, so the API can start before analytics-job on a local stack.
     * Off in production, where the tables belong to the infrastructure code.
     */
    @WithDefault("false")
    boolean createIfMissing();

    default TableNames names() {
      return new TableNames(deviceHealth(), alerts(), buildings(), metricHistory(), rules());
    }
  }
}
