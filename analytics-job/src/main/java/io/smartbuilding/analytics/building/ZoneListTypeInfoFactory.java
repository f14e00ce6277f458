package io.smartbuilding.analytics.building;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/** Serializes the zone list with Flink's list serializer instead of Kryo. */
public class ZoneListTypeInfoFactory extends TypeInfoFactory<List<String>> {
  @Override
  public TypeInformation<List<String>> createTypeInfo(
      Type t, Map<String, TypeInformation<?>> genericParameters) {
    return Types.LIST(Types.STRING);
  }
}
