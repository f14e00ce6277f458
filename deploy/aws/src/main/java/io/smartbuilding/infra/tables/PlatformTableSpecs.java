package io.smartbuilding.infra.tables;

import io.smartbuilding.contracts.tables.AlertTable;
import io.smartbuilding.contracts.tables.BuildingTable;
import io.smartbuilding.contracts.tables.DeviceHealthTable;
import io.smartbuilding.contracts.tables.MetricHistoryTable;
import io.smartbuilding.contracts.tables.RuleTable;
import io.smartbuilding.contracts.tables.TableProvisioner.TableNames;
import io.smartbuilding.infra.tables.TableSpec.IndexSpec;
import io.smartbuilding.infra.tables.TableSpec.Key;
import java.util.List;
import java.util.Optional;

/**
 * The five tables of {@code docs/contracts/dynamodb.md}, from the contracts' constants. The same
 * definitions exist as CreateTableRequests in the contracts' TableProvisioner (which local stacks
 * run); PlatformTablesTest fails when the two disagree.
 */
public final class PlatformTableSpecs {

  /** The default names the services use when no table name is configured. */
  public static final TableNames NAMES = TableNames.defaults();

  private PlatformTableSpecs() {}

  public static TableSpec deviceHealth() {
    return new TableSpec(
        NAMES.deviceHealth(),
        Key.string(DeviceHealthTable.DEVICE_ID),
        Optional.empty(),
        List.of(
            new IndexSpec(
                DeviceHealthTable.BY_BUILDING,
                Key.string(DeviceHealthTable.BUILDING_ID),
                Key.string(DeviceHealthTable.DEVICE_ID))),
        Optional.empty());
  }

  public static TableSpec alerts() {
    return new TableSpec(
        NAMES.alerts(),
        Key.string(AlertTable.ALERT_ID),
        Optional.empty(),
        List.of(
            new IndexSpec(
                AlertTable.BY_BUILDING,
                Key.string(AlertTable.BUILDING_ID),
                Key.string(AlertTable.OPENED_AT)),
            new IndexSpec(
                AlertTable.BY_STATUS,
                Key.string(AlertTable.STATUS),
                Key.string(AlertTable.OPENED_AT)),
            new IndexSpec(
                AlertTable.BY_BUILDING_UPDATED,
                Key.string(AlertTable.BUILDING_ID),
                Key.string(AlertTable.UPDATED_AT))),
        Optional.empty());
  }

  public static TableSpec buildings() {
    return new TableSpec(
        NAMES.buildings(),
        Key.string(BuildingTable.BUILDING_ID),
        Optional.empty(),
        List.of(),
        Optional.empty());
  }

  public static TableSpec metricHistory() {
    return new TableSpec(
        NAMES.metricHistory(),
        Key.string(MetricHistoryTable.SERIES_ID),
        Optional.of(Key.string(MetricHistoryTable.BUCKET_START)),
        List.of(),
        // retention (7 days per device, 90 days rollups) is enforced by TTL in AWS
        Optional.of(MetricHistoryTable.EXPIRES_AT));
  }

  public static TableSpec rules() {
    return new TableSpec(
        NAMES.rules(),
        Key.string(RuleTable.RULE_ID),
        Optional.empty(),
        List.of(),
        Optional.empty());
  }

  public static List<TableSpec> all() {
    return List.of(deviceHealth(), alerts(), buildings(), metricHistory(), rules());
  }
}
