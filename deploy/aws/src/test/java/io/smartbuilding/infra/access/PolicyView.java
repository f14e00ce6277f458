package io.smartbuilding.infra.access;

import static io.smartbuilding.infra.SynthesizedPlatform.list;
import static io.smartbuilding.infra.SynthesizedPlatform.map;
import static io.smartbuilding.infra.SynthesizedPlatform.properties;

import io.smartbuilding.infra.SynthesizedPlatform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * IAM statements of the synthesized template in a readable form: resources rendered as {@code
 * dynamodb:smartbuilding-alerts/index/byStatus}, {@code kinesis:smartbuilding-telemetry}, {@code
 * s3:data-bucket/checkpoints/*} instead of CloudFormation intrinsics with generated logical ids.
 */
final class PolicyView {

  /** Where a resource may contain a wildcard, and why AWS needs it there. */
  static final List<String> ALLOWED_WILDCARD_SUFFIXES =
      List.of(
          // objects below each prefix of the job: their keys are made up by Flink at run time
          "s3:data-bucket/checkpoints/*",
          "s3:data-bucket/savepoints/*",
          "s3:data-bucket/ha/*",
          "s3:data-bucket/archive/*",
          // a consumer ARN ends in its creation time, unknown until the job registers it
          "/consumer/" + ServicePolicies.EFO_CONSUMER_NAME + ":*");

  private final Map<String, String> namesById = new TreeMap<>();

  PolicyView(SynthesizedPlatform platform) {
    platform
        .resources("AWS::DynamoDB::Table")
        .forEach((id, r) -> namesById.put(id, "dynamodb:" + properties(r).get("TableName")));
    platform
        .resources("AWS::Kinesis::Stream")
        .forEach((id, r) -> namesById.put(id, "kinesis:" + properties(r).get("Name")));
    platform
        .resources("AWS::S3::Bucket")
        .keySet()
        .forEach(id -> namesById.put(id, "s3:data-bucket"));
  }

  /** action -> resources it is allowed on, over every Allow statement given. */
  Map<String, Set<String>> allowed(List<Map<String, Object>> statements) {
    Map<String, Set<String>> byAction = new TreeMap<>();
    for (Map<String, Object> statement : statements) {
      if (!"Allow".equals(statement.get("Effect"))) {
        continue;
      }
      for (Object action : list(statement.get("Action"))) {
        for (Object resource : list(statement.get("Resource"))) {
          byAction.computeIfAbsent((String) action, a -> new TreeSet<>()).add(render(resource));
        }
      }
    }
    return byAction;
  }

  /**
   * What breaks least privilege in {@code statements}: wildcard actions ({@code dynamodb:*}, {@code
   * s3:Get*}), {@code NotAction}/{@code NotResource}, resource {@code *}, or a wildcard in a
   * resource other than the documented ones.
   */
  List<String> leastPrivilegeProblems(List<Map<String, Object>> statements) {
    List<String> problems = new ArrayList<>();
    for (Map<String, Object> statement : statements) {
      if (statement.containsKey("NotAction") || statement.containsKey("NotResource")) {
        problems.add("NotAction/NotResource in " + statement);
      }
      for (Object action : list(statement.getOrDefault("Action", List.of()))) {
        if (((String) action).contains("*")) {
          problems.add("wildcard action " + action);
        }
      }
      for (Object resource : list(statement.getOrDefault("Resource", List.of()))) {
        String rendered = render(resource);
        if (rendered.equals("*")) {
          problems.add("resource * for " + statement.get("Action"));
        } else if (rendered.contains("*")
            && ALLOWED_WILDCARD_SUFFIXES.stream().noneMatch(rendered::endsWith)) {
          problems.add("wildcard resource " + rendered);
        }
      }
    }
    return problems;
  }

  String render(Object value) {
    if (value instanceof String s) {
      return s;
    }
    Map<String, Object> intrinsic = map(value);
    if (intrinsic.containsKey("Fn::GetAtt")) {
      List<Object> ref = list(intrinsic.get("Fn::GetAtt"));
      String name = namesById.getOrDefault((String) ref.get(0), (String) ref.get(0));
      return "Arn".equals(ref.get(1)) ? name : name + "." + ref.get(1);
    }
    if (intrinsic.containsKey("Fn::Join")) {
      List<Object> join = list(intrinsic.get("Fn::Join"));
      StringBuilder out = new StringBuilder();
      List<Object> parts = list(join.get(1));
      for (int i = 0; i < parts.size(); i++) {
        if (i > 0) {
          out.append((String) join.get(0));
        }
        out.append(render(parts.get(i)));
      }
      return out.toString();
    }
    if (intrinsic.containsKey("Ref")) {
      return "${" + intrinsic.get("Ref") + "}";
    }
    throw new IllegalArgumentException("cannot render " + value);
  }
}
