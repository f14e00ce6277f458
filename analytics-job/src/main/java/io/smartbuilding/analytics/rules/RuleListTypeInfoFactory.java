package io.smartbuilding.analytics.rules;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/** Serializes a list of rules with Flink's list and POJO serializers instead of Kryo. */
public class RuleListTypeInfoFactory extends TypeInfoFactory<List<Rule>> {
  @Override
  public TypeInformation<List<Rule>> createTypeInfo(
      Type t, Map<String, TypeInformation<?>> genericParameters) {
    return Types.LIST(TypeInformation.of(Rule.class));
  }
}
