package io.smartbuilding.analytics.health;

import io.smartbuilding.analytics.alert.Alert;
import io.smartbuilding.contracts.alert.AlertType;
import io.smartbuilding.contracts.alert.Severity;
import io.smartbuilding.contracts.health.DeviceStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * A device's status and health score, derived from its open alerts.
 *
 * <ul>
 *   <li>status: OFFLINE while an OFFLINE alert is open, else FAULT with a CRITICAL alert open,
 *       DEGRADED with any other alert open, OK without.
 *   <li>score: 100, minus 50 per CRITICAL, 20 per WARNING and 5 per INFO alert, at least 0; 0 while
 *       OFFLINE.
 *   <li>reasons: one sentence per open alert, worst first.
 * </ul>
 *
 * @param openAlerts alerts of the device whose condition lasts (the job cannot see whether someone
 *     acknowledged them; an acknowledged alert still counts)
 */
public record HealthAssessment(
    DeviceStatus status,
    int healthScore,
    @TypeInfo(StringListTypeInfoFactory.class) List<String> reasons,
    int openAlerts) {

  public static final HealthAssessment HEALTHY =
      new HealthAssessment(DeviceStatus.OK, 100, List.of(), 0);

  public HealthAssessment {
    reasons = List.copyOf(reasons);
  }

  public static HealthAssessment of(Collection<Alert> open) {
    if (open.isEmpty()) {
      return HEALTHY;
    }
    List<Alert> worstFirst = new ArrayList<>(open);
    worstFirst.sort(
        Comparator.comparing(Alert::severity)
            .reversed()
            .thenComparing(Alert::openedAt)
            .thenComparing(Alert::ruleId));
    int score = 100;
    boolean offline = false;
    Severity worst = Severity.INFO;
    List<String> reasons = new ArrayList<>();
    for (Alert a : worstFirst) {
      offline |= a.type() == AlertType.OFFLINE;
      worst = a.severity().compareTo(worst) > 0 ? a.severity() : worst;
      score -=
          switch (a.severity()) {
            case CRITICAL -> 50;
            case WARNING -> 20;
            case INFO -> 5;
          };
      reasons.add(reason(a));
    }
    DeviceStatus status =
        offline
            ? DeviceStatus.OFFLINE
            : worst == Severity.CRITICAL ? DeviceStatus.FAULT : DeviceStatus.DEGRADED;
    return new HealthAssessment(status, offline ? 0 : Math.max(0, score), reasons, open.size());
  }

  private static String reason(Alert a) {
    return a.type()
        + " ("
        + a.severity()
        + ", rule "
        + a.ruleId()
        + ") since "
        + a.openedAt()
        + ": "
        + a.message()
        + ".";
  }
}
