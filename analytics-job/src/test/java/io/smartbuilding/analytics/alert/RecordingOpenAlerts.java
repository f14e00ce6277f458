package io.smartbuilding.analytics.alert;

import io.smartbuilding.contracts.alert.AlertStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Open alerts in a map, and every change in order, for unit tests of the evaluations. */
public final class RecordingOpenAlerts implements OpenAlerts {

  public final Map<String, Alert> open = new LinkedHashMap<>();
  public final List<Alert> emitted = new ArrayList<>();
  public int raised;
  public int resolved;

  @Override
  public Alert get(String ruleId) {
    return open.get(ruleId);
  }

  @Override
  public void raise(Alert alert) {
    open.put(alert.ruleId(), alert);
    emitted.add(alert);
    raised++;
  }

  @Override
  public void update(Alert alert) {
    open.put(alert.ruleId(), alert);
    emitted.add(alert);
  }

  @Override
  public void resolve(Alert alert, Instant at, Instant now) {
    open.remove(alert.ruleId());
    emitted.add(alert.resolved(at, now));
    resolved++;
  }

  public List<AlertStatus> statuses() {
    return emitted.stream().map(Alert::status).toList();
  }
}
