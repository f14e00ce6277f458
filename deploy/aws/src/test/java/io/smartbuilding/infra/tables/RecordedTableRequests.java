package io.smartbuilding.infra.tables;

import io.smartbuilding.contracts.tables.TableProvisioner;
import io.smartbuilding.contracts.tables.TableProvisioner.TableNames;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * The CreateTableRequests the contracts' TableProvisioner sends, which is how every local stack and
 * every service test gets its tables: the reference the AWS tables are compared with.
 */
final class RecordedTableRequests {

  private RecordedTableRequests() {}

  static List<CreateTableRequest> of(TableNames names) {
    List<CreateTableRequest> requests = new ArrayList<>();
    DynamoDbClient recorder =
        (DynamoDbClient)
            Proxy.newProxyInstance(
                DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "createTable" -> {
                        requests.add((CreateTableRequest) args[0]);
                        yield CreateTableResponse.builder().build();
                      }
                      // the provisioner waits for ACTIVE after each create
                      case "describeTable" ->
                          DescribeTableResponse.builder()
                              .table(t -> t.tableStatus(TableStatus.ACTIVE))
                              .build();
                      default ->
                          throw new UnsupportedOperationException(
                              "TableProvisioner now calls " + method.getName());
                    });
    new TableProvisioner(recorder).createIfMissing(names);
    return requests;
  }
}
