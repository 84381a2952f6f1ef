package org.project_planton.awsdynamodb.pulumi.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Marks the plan's secrets: any string that contains one of the stack input's credential values
 * is replaced by {@code [secret]}, wherever it appears in a plan or an error message. The SDK's
 * public mocks hand inputs over with secrets opened, and the credentials are the only secrets this
 * module has; that the real program sends each of them as a Pulumi secret is checked against the
 * built jar under a stand-in engine.
 */
final class SecretScrubber {

  static final String SECRET = "[secret]";

  private final List<String> secrets;

  SecretScrubber(List<String> secrets) {
    this.secrets = secrets.stream().filter(Objects::nonNull).filter(s -> !s.isEmpty()).toList();
  }

  Object scrub(Object value) {
    if (value instanceof String s) {
      return scrubString(s);
    }
    if (value instanceof Map<?, ?> map) {
      var copy = new LinkedHashMap<String, Object>();
      map.forEach((k, v) -> copy.put(scrubString((String) k), scrub(v)));
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> list) {
      var copy = new ArrayList<Object>();
      list.forEach(v -> copy.add(scrub(v)));
      return Collections.unmodifiableList(copy);
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> scrubMap(Map<String, Object> map) {
    return (Map<String, Object>) scrub(map);
  }

  String scrubString(String s) {
    for (var secret : secrets) {
      if (s.contains(secret)) {
        return SECRET;
      }
    }
    return s;
  }
}
