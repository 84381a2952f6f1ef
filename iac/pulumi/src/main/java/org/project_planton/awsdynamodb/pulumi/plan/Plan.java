package org.project_planton.awsdynamodb.pulumi.plan;

import com.google.gson.GsonBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.project_planton.awsdynamodb.manifest.Text;

/**
 * What the program registers, in registration order, and the stack outputs it exports.
 * Outputs named in {@link #placeholderOutputs()} are computed by AWS on a real deployment; the
 * offline mock engine fills them with deterministic placeholder values.
 */
public record Plan(
    List<PlannedResource> resources, Map<String, Object> outputs, List<String> placeholderOutputs) {

  public Plan {
    resources = List.copyOf(resources);
    outputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    placeholderOutputs = List.copyOf(placeholderOutputs);
  }

  /** {@code {"resources": [{"type", "name", "inputs"}...], "outputs": {...}}}, pretty-printed. */
  public String toJson() {
    var root = new LinkedHashMap<String, Object>();
    root.put("resources", resources.stream().map(r -> {
      var resource = new LinkedHashMap<String, Object>();
      resource.put("type", r.type());
      resource.put("name", r.name());
      resource.put("inputs", r.inputs());
      if (!r.ignoreChanges().isEmpty()) {
        resource.put("ignoreChanges", r.ignoreChanges());
      }
      return resource;
    }).toList());
    root.put("outputs", outputs);
    return new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping()
        .create().toJson(root);
  }

  /** A tree for people: each resource's type and name, then its inputs indented beneath. */
  public String toText() {
    var out = new StringBuilder();
    out.append("Plan: ").append(resources.size()).append(resources.size() == 1 ? " resource" : " resources")
        .append(" (offline mock engine: no Pulumi CLI, network or AWS account used)\n");
    for (var resource : resources) {
      out.append('\n').append("+ ").append(resource.type()).append("  ").append(resource.name()).append('\n');
      resource.inputs().forEach((k, v) -> appendValue(out, 2, k, v));
      if (!resource.ignoreChanges().isEmpty()) {
        out.append("  (changes ignored after creation: ").append(String.join(", ", resource.ignoreChanges()))
            .append(")\n");
      }
    }
    out.append("\nOutputs:\n");
    outputs.forEach((k, v) -> appendValue(out, 2, k, v));
    if (!placeholderOutputs.isEmpty()) {
      out.append("\n(").append(String.join(", ", placeholderOutputs))
          .append(": placeholder values from the mock engine; AWS assigns the real ones on deployment)\n");
    }
    return out.toString();
  }

  private static void appendValue(StringBuilder out, int indent, String key, Object value) {
    var pad = " ".repeat(indent);
    key = Text.printable(key); // tag keys and values are the user's text: no terminal escapes, one line each
    if (value instanceof Map<?, ?> map && !map.isEmpty()) {
      out.append(pad).append(key).append(":\n");
      map.forEach((k, v) -> appendValue(out, indent + 2, String.valueOf(k), v));
    } else if (value instanceof List<?> list && !list.isEmpty()) {
      out.append(pad).append(key).append(":\n");
      for (var item : list) {
        if (item instanceof Map<?, ?> map && !map.isEmpty()) {
          // "- first: value", the other keys aligned beneath it, as YAML writes a list of maps
          var entries = new StringBuilder();
          map.forEach((k, v) -> appendValue(entries, indent + 4, String.valueOf(k), v));
          out.append(pad).append("  - ").append(entries, indent + 4, entries.length());
        } else {
          out.append(pad).append("  - ").append(scalar(item)).append('\n');
        }
      }
    } else {
      out.append(pad).append(key).append(": ").append(scalar(value)).append('\n');
    }
  }

  private static String scalar(Object value) {
    if (value instanceof Map<?, ?>) {
      return "{}";
    }
    if (value instanceof List<?>) {
      return "[]";
    }
    return Text.printable(String.valueOf(value));
  }
}
