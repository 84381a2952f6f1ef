package org.project_planton.awsdynamodb.cli.program;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the wire format of Pulumi properties becomes the values a plan prints. */
class EngineValuesTest {

  private static Value string(String s) {
    return Value.newBuilder().setStringValue(s).build();
  }

  private static Value struct(Map<String, Value> fields) {
    return Value.newBuilder().setStructValue(Struct.newBuilder().putAllFields(fields)).build();
  }

  @Test
  void secretMarkedValueLosesItsPlaintext() {
    var secret = struct(Map.of(
        "4dabf18193072939515e22adb298388d", string("1b47061264138c4ac30d75fd1eb44270"),
        "value", string("hunter2")));
    assertEquals("[secret]", EngineValues.of(secret));
  }

  @Test
  void outputValueFlaggedSecretLosesItsPlaintext() {
    var output = struct(Map.of(
        "4dabf18193072939515e22adb298388d", string("d0e6a833031e9bbcd3f4e8bde6ca49a4"),
        "secret", Value.newBuilder().setBoolValue(true).build(),
        "value", string("hunter2")));
    assertEquals("[secret]", EngineValues.of(output));
  }

  @Test
  void unknownSignatureIsTreatedAsSecret() {
    var odd = struct(Map.of("4dabf18193072939515e22adb298388d", string("something-new"), "value", string("x")));
    assertEquals("[secret]", EngineValues.of(odd));
  }

  @Test
  void plainValuesKeepTheirShape() {
    var list = Value.newBuilder().setListValue(ListValue.newBuilder()
        .addValues(Value.newBuilder().setNumberValue(5))
        .addValues(Value.newBuilder().setNumberValue(2.5))
        .addValues(Value.newBuilder().setBoolValue(true))
        .addValues(Value.newBuilder().setNullValue(NullValue.NULL_VALUE))
        .addValues(string("04da6b54-80e4-46f7-96ec-b56ff0331ba9"))).build();
    assertEquals(Arrays.asList(5L, 2.5, true, null, "[unknown]"), EngineValues.of(list));
    assertEquals(Map.of("b", "x", "a", List.of()), EngineValues.of(struct(Map.of(
        "b", string("x"), "a", Value.newBuilder().setListValue(ListValue.getDefaultInstance()).build()))));
  }
}
