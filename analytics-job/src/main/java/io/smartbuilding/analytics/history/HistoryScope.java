package io.smartbuilding.analytics.history;

import io.smartbuilding.contracts.tables.MetricHistoryTable;
import io.smartbuilding.contracts.tables.MetricHistoryTable.Resolution;
import java.time.Duration;
import java.util.Locale;

/**
 * What a history series aggregates over. Each scope is its own keyed stream with a compact string
 * key; the series id of the contract is only built when a window fires.
 */
public enum HistoryScope {
  DEVICE(Resolution.ONE_MINUTE) {
    @Override
    public String key(HistoryReading t) {
      return t.deviceId();
    }

    @Override
    String seriesId(SeriesAccumulator acc, String metric) {
      return MetricHistoryTable.deviceSeries(acc.deviceId, metric);
    }
  },
  ZONE(Resolution.FIVE_MINUTES) {
    @Override
    public String key(HistoryReading t) {
      return t.buildingId() + '#' + t.floor() + '#' + t.zone();
    }

    @Override
    String seriesId(SeriesAccumulator acc, String metric) {
      return MetricHistoryTable.zoneSeries(acc.buildingId, acc.floor, acc.zone, metric);
    }
  },
  FLOOR(Resolution.FIVE_MINUTES) {
    @Override
    public String key(HistoryReading t) {
      return t.buildingId() + '#' + t.floor();
    }

    @Override
    String seriesId(SeriesAccumulator acc, String metric) {
      return MetricHistoryTable.floorSeries(acc.buildingId, acc.floor, metric);
    }
  },
  BUILDING(Resolution.FIVE_MINUTES) {
    @Override
    public String key(HistoryReading t) {
      return t.buildingId();
    }

    @Override
    String seriesId(SeriesAccumulator acc, String metric) {
      return MetricHistoryTable.buildingSeries(acc.buildingId, metric);
    }
  };

  private final Resolution resolution;

  HistoryScope(Resolution resolution) {
    this.resolution = resolution;
  }

  public Duration width() {
    return resolution.width();
  }

  /** Devices keep fine-grained history for a short time, rollups for longer. */
  public Duration retention(HistorySettings settings) {
    return this == DEVICE ? settings.deviceRetention() : settings.rollupRetention();
  }

  /** The key of the keyed stream this scope aggregates on. */
  public abstract String key(HistoryReading t);

  abstract String seriesId(SeriesAccumulator acc, String metric);

  /** Operator names and uids: {@code history-device}, {@code history-zone}, ... */
  public String operatorName() {
    return "history-" + name().toLowerCase(Locale.ROOT);
  }
}
