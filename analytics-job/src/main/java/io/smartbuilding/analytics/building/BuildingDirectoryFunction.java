package io.smartbuilding.analytics.building;

import io.smartbuilding.contracts.telemetry.Telemetry;
import java.time.Instant;
import java.util.Map;
import java.util.TreeSet;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per building (keyed by buildingId): remembers where each device is and emits the building again
 * when a device appears or moves. Steady traffic from known devices emits nothing, so the buildings
 * table sees a write per change, not per message.
 */
public class BuildingDirectoryFunction extends KeyedProcessFunction<String, Telemetry, Building> {

  private transient MapState<String, Placement> devices;

  @Override
  public void open(OpenContext openContext) {
    devices =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "device-placements", Types.STRING, TypeInformation.of(Placement.class)));
  }

  @Override
  public void processElement(Telemetry reading, Context ctx, Collector<Building> out)
      throws Exception {
    Placement placement = new Placement(reading.floor(), reading.zone());
    if (placement.equals(devices.get(reading.deviceId()))) {
      return;
    }
    devices.put(reading.deviceId(), placement);

    TreeSet<Integer> floors = new TreeSet<>();
    TreeSet<String> zones = new TreeSet<>();
    int deviceCount = 0;
    for (Map.Entry<String, Placement> device : devices.entries()) {
      floors.add(device.getValue().floor());
      zones.add(device.getValue().zone());
      deviceCount++;
    }
    out.collect(
        new Building(
            ctx.getCurrentKey(),
            floors.stream().toList(),
            zones.stream().toList(),
            deviceCount,
            Instant.ofEpochMilli(ctx.timerService().currentProcessingTime())));
  }
}
