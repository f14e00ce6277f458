package io.smartbuilding.bench.capacity;

import java.util.Locale;

/**
 * How the readings get from the devices into Kinesis (deploy/README.md step 6). Each bills and
 * scales differently, so the capacity model sizes each one explicitly.
 */
public enum MqttOption {
  /**
   * (a) Devices publish to AWS IoT Core, the gateway subscribes (shared subscription). Two billed
   * messages per reading; IoT Core accepts at most 100 publishes/s per connection, so each gateway
   * replica carries about 80 msgs/s whatever its CPU could do.
   */
  IOT_CORE("iot-core", "(a) IoT Core + gateway"),
  /**
   * (a') An IoT rule with a Kinesis action writes each reading into the stream, no gateway: one
   * billed message, one rule triggered and one action per reading, and one unaggregated Kinesis
   * record per reading.
   */
  IOT_RULE("iot-rule", "(a') IoT rule -> Kinesis"),
  /**
   * (b) Mosquitto in the cluster behind an NLB: no IoT Core charges, gateway replicas by CPU, the
   * broker's own cores and the NLB.
   */
  MOSQUITTO("mosquitto", "(b) Mosquitto + gateway");

  /** deploy/README.md step 6: (a) suits pilots and small fleets; up to this many quota replicas. */
  static final int IOT_CORE_MAX_RECOMMENDED_REPLICAS = 4;

  private final String flag;
  private final String title;

  MqttOption(String flag, String title) {
    this.flag = flag;
    this.title = title;
  }

  public String flag() {
    return flag;
  }

  public String title() {
    return title;
  }

  /**
   * What deploy/README.md recommends for a fleet: (a) for pilots and small fleets, while the
   * per-connection quota needs at most {@value #IOT_CORE_MAX_RECOMMENDED_REPLICAS} gateway replicas
   * (M <= 320 msgs/s); the IoT rule (a') above that. (b) is never the default: it is the staging
   * option and its ACLs cannot refuse a subscription (deploy/README.md step 6).
   */
  public static MqttOption recommendedFor(double messagesPerSecond) {
    return Math.ceil(messagesPerSecond / CapacityModel.IOT_CORE_MSGS_PER_REPLICA)
            <= IOT_CORE_MAX_RECOMMENDED_REPLICAS
        ? IOT_CORE
        : IOT_RULE;
  }

  public static MqttOption fromFlag(String flag) {
    for (MqttOption o : values()) {
      if (o.flag.equals(flag.toLowerCase(Locale.ROOT))) {
        return o;
      }
    }
    throw new IllegalArgumentException(
        "unknown MQTT option " + flag + " (iot-core, iot-rule, mosquitto)");
  }
}
