package io.smartbuilding.infra.tables;

import static io.smartbuilding.infra.SynthesizedPlatform.list;
import static io.smartbuilding.infra.SynthesizedPlatform.map;
import static io.smartbuilding.infra.SynthesizedPlatform.properties;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartbuilding.contracts.tables.MetricHistoryTable;
import io.smartbuilding.contracts.tables.TableProvisioner.TableNames;
import io.smartbuilding.infra.SynthesizedPlatform;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/** The AWS tables against the CreateTableRequests the services use locally. */
class PlatformTablesTest {

  private static final List<CreateTableRequest> CONTRACT =
      RecordedTableRequests.of(TableNames.defaults());

  private final SynthesizedPlatform platform = SynthesizedPlatform.defaults();

  @Test
  void everyContractTableExistsAndNoOther() {
    assertThat(synthesizedByName().keySet())
        .containsExactlyInAnyOrderElementsOf(
            CONTRACT.stream().map(CreateTableRequest::tableName).toList())
        .hasSize(TableNames.class.getRecordComponents().length);
  }

  @Test
  void keySchemasMatchTheContract() {
    for (CreateTableRequest contract : CONTRACT) {
      Map<String, Object> table = synthesizedByName().get(contract.tableName());
      assertThat(table.get("KeySchema"))
          .as("key schema of %s", contract.tableName())
          .isEqualTo(keySchema(contract.keySchema()));
    }
  }

  @Test
  void attributeTypesMatchTheContract() {
    for (CreateTableRequest contract : CONTRACT) {
      Map<String, Object> table = synthesizedByName().get(contract.tableName());
      assertThat(Set.copyOf(list(table.get("AttributeDefinitions"))))
          .as("attribute definitions of %s", contract.tableName())
          .isEqualTo(
              contract.attributeDefinitions().stream()
                  .map(PlatformTablesTest::attribute)
                  .collect(Collectors.toSet()));
    }
  }

  @Test
  void globalSecondaryIndexesMatchTheContract() {
    for (CreateTableRequest contract : CONTRACT) {
      Map<String, Object> table = synthesizedByName().get(contract.tableName());
      Map<Object, Object> synthesized = new HashMap<>();
      if (table.containsKey("GlobalSecondaryIndexes")) {
        for (Object index : list(table.get("GlobalSecondaryIndexes"))) {
          Map<String, Object> i = map(index);
          synthesized.put(i.get("IndexName"), List.of(i.get("KeySchema"), i.get("Projection")));
        }
      }
      Map<Object, Object> expected = new HashMap<>();
      for (GlobalSecondaryIndex index : contract.globalSecondaryIndexes()) {
        expected.put(
            index.indexName(),
            List.of(
                keySchema(index.keySchema()),
                Map.of("ProjectionType", index.projection().projectionTypeAsString())));
      }
      assertThat(synthesized).as("indexes of %s", contract.tableName()).isEqualTo(expected);
    }
  }

  @Test
  void tablesAreOnDemandRecoverableAndRetained() {
    for (CreateTableRequest contract : CONTRACT) {
      assertThat(contract.billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    }
    platform
        .resources("AWS::DynamoDB::Table")
        .forEach(
            (id, resource) -> {
              Map<String, Object> p = properties(resource);
              assertThat(p.get("BillingMode")).as(id).isEqualTo("PAY_PER_REQUEST");
              assertThat(p.get("PointInTimeRecoverySpecification"))
                  .as(id)
                  .isEqualTo(Map.of("PointInTimeRecoveryEnabled", true));
              assertThat(resource.get("DeletionPolicy")).as(id).isEqualTo("Retain");
              assertThat(resource.get("UpdateReplacePolicy")).as(id).isEqualTo("Retain");
            });
  }

  @Test
  void onlyTheHistoryExpiresByTtlOnTheContractsAttribute() {
    Map<String, Object> ttlByTable = new HashMap<>();
    synthesizedByName()
        .forEach(
            (name, p) -> {
              if (p.containsKey("TimeToLiveSpecification")) {
                ttlByTable.put(name, p.get("TimeToLiveSpecification"));
              }
            });
    assertThat(ttlByTable)
        .isEqualTo(
            Map.of(
                MetricHistoryTable.DEFAULT_NAME,
                Map.of("AttributeName", MetricHistoryTable.EXPIRES_AT, "Enabled", true)));
  }

  private Map<String, Map<String, Object>> synthesizedByName() {
    return platform.resources("AWS::DynamoDB::Table").values().stream()
        .map(SynthesizedPlatform::properties)
        .collect(Collectors.toMap(p -> (String) p.get("TableName"), p -> p));
  }

  private static List<Map<String, String>> keySchema(List<KeySchemaElement> elements) {
    return elements.stream()
        .map(e -> Map.of("AttributeName", e.attributeName(), "KeyType", e.keyTypeAsString()))
        .toList();
  }

  private static Map<String, String> attribute(AttributeDefinition d) {
    return Map.of("AttributeName", d.attributeName(), "AttributeType", d.attributeTypeAsString());
  }
}
