package io.smartbuilding.api.alert;

import io.smartbuilding.api.alert.AlertAction.Kind;
import io.smartbuilding.api.config.ApiConfig;
import io.smartbuilding.api.problem.ProblemException;
import io.smartbuilding.contracts.alert.AlertStatus;
import io.smartbuilding.contracts.tables.AlertTable;
import io.smartbuilding.contracts.tables.StoredTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * People's actions on an alert, each one conditional UpdateItem (the contract's API-owned
 * attributes only, never a whole-item put, so analytics-job's concurrent writes survive). The
 * condition holds the version the caller saw, the status the action starts from and the building
 * the caller was allowed to act on: if any changed in between, nothing is written and the caller
 * gets a 409 explaining which.
 */
@ApplicationScoped
public class AlertActions {

  /** Caps the audit trail so an item stays far below DynamoDB's 400 KB (200 x ~1.1 KB). */
  static final int MAX_ACTIONS = 200;

  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;

  @Inject
  AlertActions(DynamoDbClient dynamo, ApiConfig config) {
    this(dynamo, config.tables().alerts(), Clock.systemUTC());
  }

  AlertActions(DynamoDbClient dynamo, String table, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
  }

  /** The alert as stored now (strongly consistent: the caller is about to act on it). */
  public Optional<Alert> find(String alertId) {
    var response =
        dynamo.getItem(
            b ->
                b.tableName(table)
                    .key(Map.of(AlertTable.ALERT_ID, AttributeValue.fromS(alertId)))
                    .consistentRead(true));
    return response.hasItem() && !response.item().isEmpty()
        ? Optional.of(Alert.fromItem(response.item()))
        : Optional.empty();
  }

  /**
   * Applies {@code kind} to {@code current} if it is still at {@code expectedVersion}; fails with
   * 409 when the version or the status forbid it.
   */
  public Alert apply(Alert current, long expectedVersion, Kind kind, String by, String detail) {
    requireAllowed(kind, current);
    requireVersion(current, expectedVersion);
    Instant now = clock.instant();
    String stored = StoredTime.format(now);

    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    List<String> sets = new ArrayList<>();
    List<String> conditions = new ArrayList<>();

    names.put("#actions", AlertTable.ACTIONS);
    names.put("#version", AlertTable.VERSION);
    names.put("#updatedAt", AlertTable.UPDATED_AT);
    names.put("#building", AlertTable.BUILDING_ID);
    values.put(":empty", AttributeValue.fromL(List.of()));
    values.put(
        ":entry", AttributeValue.fromL(List.of(AlertAction.toAttribute(now, by, kind, detail))));
    values.put(":next", AttributeValue.fromN(Long.toString(expectedVersion + 1)));
    values.put(":now", AttributeValue.fromS(stored));
    values.put(":building", AttributeValue.fromS(current.buildingId()));
    values.put(":maxActions", AttributeValue.fromN(Integer.toString(MAX_ACTIONS)));
    sets.add("#actions = list_append(if_not_exists(#actions, :empty), :entry)");
    sets.add("#version = :next");
    sets.add("#updatedAt = :now");

    conditions.add("#building = :building");
    conditions.add("(attribute_not_exists(#actions) OR size(#actions) < :maxActions)");
    values.put(":expected", AttributeValue.fromN(Long.toString(expectedVersion)));
    conditions.add(
        expectedVersion == 0
            ? "(attribute_not_exists(#version) OR #version = :expected)"
            : "#version = :expected");

    Set<AlertStatus> from = startingStatuses(kind);
    if (!from.isEmpty()) {
      names.put("#status", AlertTable.STATUS);
      List<String> placeholders = new ArrayList<>();
      for (AlertStatus status : from) {
        String placeholder = ":from_" + status.wireValue();
        placeholders.add(placeholder);
        values.put(placeholder, AttributeValue.fromS(status.wireValue()));
      }
      conditions.add("#status IN (" + String.join(", ", placeholders) + ")");
    }

    switch (kind) {
      case ACKNOWLEDGE -> {
        names.put("#acknowledgedBy", AlertTable.ACKNOWLEDGED_BY);
        names.put("#acknowledgedAt", AlertTable.ACKNOWLEDGED_AT);
        values.put(":by", AttributeValue.fromS(by));
        values.put(":acknowledged", AttributeValue.fromS(AlertStatus.ACKNOWLEDGED.wireValue()));
        sets.add("#status = :acknowledged");
        sets.add("#acknowledgedBy = :by");
        sets.add("#acknowledgedAt = :now");
      }
      case ASSIGN -> {
        names.put("#assignee", AlertTable.ASSIGNEE);
        values.put(":assignee", AttributeValue.fromS(detail));
        sets.add("#assignee = :assignee");
      }
      case RESOLVE -> {
        // Contract: the first resolution wins, a person's or analytics-job's (when the condition
        // ends), so neither overwrites the other's resolvedAt.
        names.put("#resolvedBy", AlertTable.RESOLVED_BY);
        names.put("#resolvedAt", AlertTable.RESOLVED_AT);
        values.put(":by", AttributeValue.fromS(by));
        values.put(":resolved", AttributeValue.fromS(AlertStatus.RESOLVED.wireValue()));
        sets.add("#status = :resolved");
        sets.add("#resolvedBy = :by");
        sets.add("#resolvedAt = if_not_exists(#resolvedAt, :now)");
      }
      case NOTE -> {
        // The audit entry is the note.
      }
    }

    try {
      Map<String, AttributeValue> updated =
          dynamo
              .updateItem(
                  b ->
                      b.tableName(table)
                          .key(Map.of(AlertTable.ALERT_ID, AttributeValue.fromS(current.alertId())))
                          .updateExpression("SET " + String.join(", ", sets))
                          .conditionExpression(String.join(" AND ", conditions))
                          .expressionAttributeNames(names)
                          .expressionAttributeValues(values)
                          .returnValues(ReturnValue.ALL_NEW))
              .attributes();
      return Alert.fromItem(updated);
    } catch (ConditionalCheckFailedException e) {
      throw explainConflict(current, expectedVersion, kind);
    }
  }

  /** Re-reads the alert to say which part of the condition failed. */
  private ProblemException explainConflict(Alert before, long expectedVersion, Kind kind) {
    Optional<Alert> now = find(before.alertId());
    if (now.isEmpty() || !before.buildingId().equals(now.get().buildingId())) {
      return ProblemException.notFound("no alert '" + before.alertId() + "'");
    }
    Alert alert = now.get();
    if (alert.version() != expectedVersion) {
      return staleVersion(alert, expectedVersion);
    }
    if (!startingStatuses(kind).isEmpty()
        && AlertStatus.fromWire(alert.status())
            .map(s -> !startingStatuses(kind).contains(s))
            .orElse(true)) {
      return invalidTransition(kind, alert);
    }
    if (alert.actions().size() >= MAX_ACTIONS) {
      return ProblemException.conflict(
          "the alert's audit trail is full (" + MAX_ACTIONS + " actions); open a new ticket");
    }
    return ProblemException.conflict("the alert changed meanwhile; reload it and retry");
  }

  private static void requireVersion(Alert alert, long expectedVersion) {
    if (alert.version() != expectedVersion) {
      throw staleVersion(alert, expectedVersion);
    }
  }

  private static ProblemException staleVersion(Alert alert, long expectedVersion) {
    return ProblemException.conflict(
        "the alert is at version "
            + alert.version()
            + ", not "
            + expectedVersion
            + ": someone changed it meanwhile; reload it and retry");
  }

  private static void requireAllowed(Kind kind, Alert alert) {
    Set<AlertStatus> from = startingStatuses(kind);
    if (from.isEmpty()) {
      return;
    }
    Optional<AlertStatus> status = AlertStatus.fromWire(alert.status());
    if (status.isEmpty() || !from.contains(status.get())) {
      throw invalidTransition(kind, alert);
    }
  }

  private static ProblemException invalidTransition(Kind kind, Alert alert) {
    String allowed =
        String.join(
            " or ", startingStatuses(kind).stream().map(AlertStatus::wireValue).sorted().toList());
    return ProblemException.conflict(
        "cannot "
            + kind.wireValue()
            + " an alert that is "
            + alert.status()
            + " (only "
            + allowed
            + ")");
  }

  /** The statuses an action may start from; empty means any. */
  static Set<AlertStatus> startingStatuses(Kind kind) {
    return switch (kind) {
      case ACKNOWLEDGE -> Set.of(AlertStatus.OPEN);
      case ASSIGN, RESOLVE -> Set.of(AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED);
      case NOTE -> Set.of();
    };
  }
}
