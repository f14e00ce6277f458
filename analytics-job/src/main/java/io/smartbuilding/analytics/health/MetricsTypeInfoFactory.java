package io.smartbuilding.analytics.health;

import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/** Serializes a metrics map with Flink's map serializer instead of Kryo. */
public class MetricsTypeInfoFactory extends TypeInfoFactory<Map<String, Double>> {
  @Override
  public TypeInformation<Map<String, Double>> createTypeInfo(
      Type t, Map<String, TypeInformation<?>> genericParameters) {
    return Types.MAP(Types.STRING, Types.DOUBLE);
  }
}
