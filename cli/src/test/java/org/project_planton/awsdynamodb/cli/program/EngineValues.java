package org.project_planton.awsdynamodb.cli.program;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.core.internal.Constants;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a property struct as the stand-in engine receives it into the plain values that
 * `project-planton plan -o json` prints, to compare the two. Pulumi marks a secret on the wire as
 * {@code {"4dabf1...": "1b4706...", "value": ...}}; such a value, and an output value flagged
 * secret, becomes {@link #SECRET} and its plaintext is dropped here. The engine's unknown value
 * becomes {@link #UNKNOWN}.
 */
final class EngineValues {

  static final String SECRET = "[secret]";
  static final String UNKNOWN = "[unknown]";

  private EngineValues() {}

  static Map<String, Object> of(Struct struct) {
    var map = new TreeMap<String, Object>();
    struct.getFieldsMap().forEach((key, value) -> map.put(key, of(value)));
    return Collections.unmodifiableMap(map);
  }

  static Object of(Value value) {
    return switch (value.getKindCase()) {
      case NULL_VALUE, KIND_NOT_SET -> null;
      case BOOL_VALUE -> value.getBoolValue();
      case NUMBER_VALUE -> number(value.getNumberValue());
      case STRING_VALUE -> Constants.UnknownValue.equals(value.getStringValue())
          ? UNKNOWN : value.getStringValue();
      case LIST_VALUE -> list(value);
      case STRUCT_VALUE -> struct(value.getStructValue());
    };
  }

  private static Object list(Value value) {
    var list = new ArrayList<Object>();
    value.getListValue().getValuesList().forEach(v -> list.add(of(v)));
    return Collections.unmodifiableList(list);
  }

  private static Object struct(Struct struct) {
    var fields = struct.getFieldsMap();
    var sig = fields.get(Constants.SpecialSigKey);
    if (sig == null) {
      return of(struct);
    }
    return switch (sig.getStringValue()) {
      case Constants.SpecialResourceSig -> fields.get(Constants.ResourceUrnName) == null
          ? UNKNOWN : of(fields.get(Constants.ResourceUrnName));
      case Constants.SpecialOutputSig -> outputValue(fields);
      case Constants.SpecialAssetSig, Constants.SpecialArchiveSig -> "[asset]";
      // The secret signature, and any signature this class does not know: never show the value.
      default -> SECRET;
    };
  }

  private static Object outputValue(Map<String, Value> fields) {
    var secret = fields.get(Constants.SecretName);
    if (secret != null && secret.getBoolValue()) {
      return SECRET;
    }
    var value = fields.get(Constants.SecretValueName);
    return value == null ? UNKNOWN : of(value);
  }

  private static Object number(double n) {
    return n == Math.rint(n) && Math.abs(n) < 0x1p53 ? (Object) (long) n : (Object) n;
  }
}
