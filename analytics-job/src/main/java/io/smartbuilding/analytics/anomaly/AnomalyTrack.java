package io.smartbuilding.analytics.anomaly;

import io.smartbuilding.analytics.alert.Sample;
import io.smartbuilding.analytics.alert.SamplesTypeInfoFactory;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * The baseline of one device's metric and the run of abnormal (or, while alerted, normal) readings.
 *
 * @param run abnormal readings in a row; while alerted, normal readings in a row
 * @param runSinceMs event time of the first abnormal reading of the run: the alert's openedAt
 * @param peakZ the largest |z| of the episode, and {@code peakValue} the reading that had it
 * @param recent readings of the current run or episode, for the evidence (at most 20)
 */
public record AnomalyTrack(
    Ewma baseline,
    int run,
    long runSinceMs,
    boolean alerted,
    double peakZ,
    double peakValue,
    @TypeInfo(SamplesTypeInfoFactory.class) List<Sample> recent) {

  public AnomalyTrack {
    recent = recent == null ? List.of() : List.copyOf(recent);
  }

  static AnomalyTrack start() {
    return new AnomalyTrack(Ewma.EMPTY, 0, 0, false, 0, 0, List.of());
  }
}
