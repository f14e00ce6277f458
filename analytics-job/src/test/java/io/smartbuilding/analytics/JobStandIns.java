package io.smartbuilding.analytics;

import io.smartbuilding.contracts.kinesis.StreamProvisioner;
import io.smartbuilding.contracts.tables.TableProvisioner;
import io.smartbuilding.contracts.tables.TableProvisioner.TableNames;
import io.smartbuilding.contracts.testing.LocalAwsClients;
import io.smartbuilding.contracts.testing.LocalStandIns;
import io.smartbuilding.contracts.testing.LoopbackProcess;
import java.nio.file.Path;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * kinesis-local and dynalite for a job IT, with its stream and tables created, and a client for
 * each; {@link #close()} stops both servers by PID.
 */
record JobStandIns(
    LoopbackProcess kinesisLocal,
    LoopbackProcess dynalite,
    KinesisClient kinesis,
    DynamoDbClient dynamo)
    implements AutoCloseable {

  static JobStandIns start(Path work, String stream, TableNames... tables) {
    LoopbackProcess kinesisLocal = LocalStandIns.kinesis(work);
    LoopbackProcess dynalite;
    try {
      dynalite = LocalStandIns.dynamoDb(work);
    } catch (RuntimeException e) {
      kinesisLocal.close();
      throw e;
    }
    JobStandIns standIns =
        new JobStandIns(
            kinesisLocal,
            dynalite,
            LocalAwsClients.kinesis(kinesisLocal),
            LocalAwsClients.dynamoDb(dynalite));
    try {
      new StreamProvisioner(standIns.kinesis()).createIfMissing(stream, 1);
      for (TableNames names : tables) {
        new TableProvisioner(standIns.dynamo()).createIfMissing(names);
      }
    } catch (RuntimeException e) {
      standIns.close();
      throw e;
    }
    return standIns;
  }

  @Override
  public void close() {
    kinesis.close();
    dynamo.close();
    kinesisLocal.close();
    dynalite.close();
  }
}
