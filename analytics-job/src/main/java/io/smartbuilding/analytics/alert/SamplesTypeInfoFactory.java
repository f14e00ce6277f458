package io.smartbuilding.analytics.alert;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/** Serializes a list of samples with Flink's list and POJO serializers instead of Kryo. */
public class SamplesTypeInfoFactory extends TypeInfoFactory<List<Sample>> {
  @Override
  public TypeInformation<List<Sample>> createTypeInfo(
      Type t, Map<String, TypeInformation<?>> genericParameters) {
    return Types.LIST(TypeInformation.of(Sample.class));
  }
}
