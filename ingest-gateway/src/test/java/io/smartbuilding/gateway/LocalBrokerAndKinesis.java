package io.smartbuilding.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smartbuilding.contracts.testing.LocalStandIns;
import io.smartbuilding.contracts.testing.LoopbackProcess;
import java.nio.file.Path;
import java.util.Map;

/** Starts Mosquitto and kinesis-local on loopback for a @QuarkusTest and points the gateway at them. */
public class LocalBrokerAndKinesis implements QuarkusTestResourceLifecycleManager {

  static LoopbackProcess mosquitto;
  static LoopbackProcess kinesis;

  @Override
  public Map<String, String> start() {
    Path work = Path.of("target/it/gateway");
    mosquitto = LocalStandIns.mosquitto(work);
    kinesis = LocalStandIns.kinesis(work);
    return Map.of(
        "gateway.mqtt.broker-url", "tcp://127.0.0.1:" + mosquitto.port(),
        "gateway.mqtt.client-id", "gateway-it",
        "gateway.kinesis.endpoint-override", LocalStandIns.endpoint(kinesis),
        "gateway.kinesis.stream", "telemetry-it",
        "gateway.dead-letter.stream", "telemetry-it-dlq",
        "gateway.kinesis.shards", "2");
  }

  @Override
  public void stop() {
    if (mosquitto != null) mosquitto.close();
    if (kinesis != null) kinesis.close();
  }
}
