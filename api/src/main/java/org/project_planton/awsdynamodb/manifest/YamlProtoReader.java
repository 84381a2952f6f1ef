package org.project_planton.awsdynamodb.manifest;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads one YAML document into a protobuf message, keeping the position of every field.
 *
 * <p>Scalars are typed by the proto field they land in, never by YAML's own resolution, so an
 * unquoted {@code N}, {@code yes} or {@code off} in a string or enum field stays that string.
 * Field names may be camelCase (JSON names) or snake_case. Every problem found is collected;
 * reading goes on past one so that all of them are reported at once.
 */
final class YamlProtoReader {
    /** Bounds the work an alias-heavy document ("billion laughs") can cause. */
    private static final int MAX_NODES = 200_000;
    private static final Pattern ASCII_INTEGER = Pattern.compile("[-+]?[0-9]+");
    /** Per message type, every name a manifest may give a field ({@link #names}) to that field. */
    private static final Map<Descriptor, Map<String, FieldDescriptor>> FIELDS_BY_NAME = new ConcurrentHashMap<>();
    /** snakeyaml's default; a buffer is a power of two at least one longer than the text. */
    private static final int MIN_BUFFER_SIZE = 1024;
    private static final Map<Integer, LoadSettings> SETTINGS_BY_BUFFER_SIZE = new ConcurrentHashMap<>();

    private final String file;
    private final SourceMap sourceMap;
    private final List<Diagnostic> errors = new ArrayList<>();
    private int nodesRead;
    private boolean topLevelMapping;
    private int camelCaseKeys;
    private int snakeCaseKeys;

    private final boolean positioned;

    /** A reader for the file named {@code file}. */
    YamlProtoReader(String file) {
        this(file, true);
    }

    /** {@code positioned} false: the text is not a file (a command-line value), so diagnostics carry no line. */
    YamlProtoReader(String file, boolean positioned) {
        this.file = file;
        this.positioned = positioned;
        this.sourceMap = new SourceMap(file);
    }

    SourceMap sourceMap() {
        return sourceMap;
    }

    List<Diagnostic> errors() {
        return errors;
    }

    /**
     * Whether the file writes field names in camelCase (billingMode), as ProjectPlanton's examples
     * do, rather than snake_case (billing_mode): by the names of more than one word that it uses,
     * camelCase when it uses none. Diagnostics name fields the same way.
     */
    boolean writesCamelCase() {
        return camelCaseKeys >= snakeCaseKeys;
    }

    /** Whether the document parsed and its top level is a mapping (whatever problems its fields have). */
    boolean readTopLevelMapping() {
        return topLevelMapping;
    }

    /** Reads the single YAML document in {@code text} into {@code builder}. */
    void readDocument(String text, Message.Builder builder) {
        Node root = parseSingleDocument(text);
        if (root == null) {
            if (errors.isEmpty()) {
                errorAt(1, 1, "", "the file is empty; expected a manifest with apiVersion, kind, metadata and spec", "yaml.empty");
            }
        } else if (root instanceof MappingNode mapping) {
            topLevelMapping = true;
            readMessage(mapping, builder, "");
        } else {
            error(root, "", "the top level must be a mapping with apiVersion, kind, metadata and spec, not " + describe(root, null), "yaml.not_mapping");
        }
    }

    /**
     * Reads the YAML {@code value} into {@code field} of {@code builder}, replacing what was there:
     * the whole field, or its element {@code index} when that is not null. An empty value clears
     * the whole field; it cannot stand for an element.
     */
    void readOverride(String value, Message.Builder builder, FieldDescriptor field, Integer index, String path) {
        Node node = parseSingleDocument(value);
        if (!errors.isEmpty()) {
            return;
        }
        if (index == null) {
            builder.clearField(field);
            if (node != null) {
                readField(node, builder, field, path);
            }
        } else if (node == null) {
            errorAt(1, 1, path, "an empty value cannot replace one list element; give the element's value,"
                    + " or set the whole list (an empty value clears a whole field)", "set.value");
        } else {
            Object element = readValue(node, builder, field, path);
            if (element != null) {
                builder.setRepeatedField(field, index, element);
            }
        }
    }

    /** The one non-empty document in {@code text}, or null when there is none or after an error. */
    private Node parseSingleDocument(String text) {
        // The whole text in one read: with the default 1 KiB, snakeyaml re-copies its window for every
        // KiB of one long scalar, quadratic time (a 1 MB value took over 10 s).
        LoadSettings settings = SETTINGS_BY_BUFFER_SIZE.computeIfAbsent(
                Math.max(MIN_BUFFER_SIZE, Integer.highestOneBit(text.length()) << 1), YamlProtoReader::settings);
        List<Node> documents = new ArrayList<>();
        try {
            DepthLimitedComposer composer = DepthLimitedComposer.of(settings, text);
            while (composer.hasNext()) {
                Node document = composer.next();
                if (!isNull(document)) {
                    documents.add(document);
                }
            }
        } catch (DepthLimitedComposer.TooDeepException e) {
            Mark mark = e.getProblemMark().orElse(null);
            errorAt(mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1,
                    "", "the document " + e.getProblem() + "; a manifest nests about 6", "yaml.too_deep");
            return null;
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            errorAt(mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1,
                    "", "YAML syntax: " + e.getProblem(), "yaml.syntax");
            return null;
        } catch (YamlEngineException e) {
            // Unpositioned: one of snakeyaml's own limits, such as its cap on aliases of lists and mappings.
            boolean aliases = String.valueOf(e.getMessage()).startsWith("Number of aliases");
            errorAt(1, 1, "", aliases
                    ? "the document uses too many aliases of lists and mappings (\"billion laughs\"?): " + e.getMessage()
                    : "YAML syntax: " + e.getMessage(), aliases ? "yaml.too_large" : "yaml.syntax");
            return null;
        }
        if (documents.size() > 1) {
            error(documents.get(1), "", "the file holds " + documents.size() + " YAML documents; put one manifest in each file", "yaml.multiple_documents");
            return null;
        }
        return documents.isEmpty() ? null : documents.get(0);
    }

    /**
     * Settings for a text shorter than {@code bufferSize}, made once: making them makes a YAML schema too.
     * Marks carry no file name (the reader positions its diagnostics itself).
     */
    private static LoadSettings settings(int bufferSize) {
        return LoadSettings.builder()
                .setSchema(NullOrStringSchema.INSTANCE) // the reader asks YAML only whether a scalar is null
                .setAllowRecursiveKeys(false)
                .setBufferSize(bufferSize)
                .build();
    }

    private void readMessage(MappingNode node, Message.Builder builder, String path) {
        sourceMap.put(path, position(node));
        Descriptor type = builder.getDescriptorForType();
        Map<FieldDescriptor, Node> seen = new HashMap<>();
        for (NodeTuple entry : node.getValue()) {
            if (!countNode()) {
                return;
            }
            Node keyNode = entry.getKeyNode();
            if (!(keyNode instanceof ScalarNode key)) {
                error(keyNode, path, "a field name must be a plain string, not " + describe(keyNode, null), "yaml.type");
                continue;
            }
            FieldDescriptor field = findField(type, key.getValue());
            if (field == null) {
                error(keyNode, path, unknownFieldMessage(type, key.getValue()), "yaml.unknown_field");
                continue;
            }
            if (!field.getName().equals(field.getJsonName())) {
                if (key.getValue().equals(field.getJsonName())) {
                    camelCaseKeys++;
                } else {
                    snakeCaseKeys++;
                }
            }
            String fieldPath = join(path, field.getName());
            Node first = seen.putIfAbsent(field, keyNode);
            if (first != null) {
                error(keyNode, fieldPath, "duplicate key " + Text.quote(key.getValue()) + "; "
                        + Text.quote(((ScalarNode) first).getValue()) + " already set it at line " + position(first).line(), "yaml.duplicate_key");
                continue;
            }
            Node value = entry.getValueNode();
            if (value instanceof MappingNode || value instanceof SequenceNode) {
                // A problem with a whole mapping or list is shown at its key, where the reader looks for it.
                sourceMap.put(fieldPath, position(keyNode));
            }
            readField(value, builder, field, fieldPath);
        }
    }

    private void readField(Node value, Message.Builder builder, FieldDescriptor field, String path) {
        sourceMap.put(path, position(value));
        if (isNull(value)) {
            return; // an explicit null leaves the field unset, as in protojson
        }
        if (field.isMapField()) {
            readMap(value, builder, field, path);
        } else if (field.isRepeated()) {
            if (!(value instanceof SequenceNode list)) {
                error(value, path, "expected a list, got " + describe(value, field), "yaml.type");
                return;
            }
            for (int i = 0; i < list.getValue().size(); i++) {
                Object item = readValue(list.getValue().get(i), builder, field, path + "[" + i + "]");
                if (item != null) {
                    builder.addRepeatedField(field, item);
                }
            }
        } else {
            Object single = readValue(value, builder, field, path);
            if (single != null) {
                builder.setField(field, single);
            }
        }
    }

    private void readMap(Node value, Message.Builder builder, FieldDescriptor field, String path) {
        if (!(value instanceof MappingNode mapping)) {
            error(value, path, "expected a mapping, got " + describe(value, field), "yaml.type");
            return;
        }
        FieldDescriptor keyField = field.getMessageType().findFieldByName("key");
        FieldDescriptor valueField = field.getMessageType().findFieldByName("value");
        Map<String, Node> seen = new HashMap<>();
        for (NodeTuple entry : mapping.getValue()) {
            if (!(entry.getKeyNode() instanceof ScalarNode key)) {
                error(entry.getKeyNode(), path, "a key must be a plain string, not " + describe(entry.getKeyNode(), null), "yaml.type");
                continue;
            }
            String entryPath = path + "[\"" + key.getValue() + "\"]";
            if (seen.putIfAbsent(key.getValue(), key) != null) {
                error(key, entryPath, "duplicate key " + Text.quote(key.getValue()), "yaml.duplicate_key");
                continue;
            }
            Message.Builder entryBuilder = builder.newBuilderForField(field);
            entryBuilder.setField(keyField, key.getValue());
            Object entryValue = readValue(entry.getValueNode(), entryBuilder, valueField, entryPath);
            if (entryValue != null) {
                entryBuilder.setField(valueField, entryValue);
                builder.addRepeatedField(field, entryBuilder.build());
            }
        }
    }

    /** One value of {@code field}; null after reporting an error. */
    private Object readValue(Node node, Message.Builder parent, FieldDescriptor field, String path) {
        if (!countNode()) {
            return null;
        }
        sourceMap.put(path, position(node));
        if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
            if (isNull(node)) {
                return parent.newBuilderForField(field).build();
            }
            if (!(node instanceof MappingNode mapping)) {
                error(node, path, "expected a mapping, got " + describe(node, field), "yaml.type");
                return null;
            }
            Message.Builder child = parent.newBuilderForField(field);
            readMessage(mapping, child, path);
            return child.build();
        }
        if (!(node instanceof ScalarNode scalar) || isNull(node)) {
            error(node, path, "expected " + expected(field) + ", got " + describe(node, field), "yaml.type");
            return null;
        }
        String text = scalar.getValue();
        try {
            return switch (field.getJavaType()) {
                case STRING -> text;
                case BOOLEAN -> parseBoolean(text);
                case INT -> field.getType() == FieldDescriptor.Type.UINT32 || field.getType() == FieldDescriptor.Type.FIXED32
                        ? Integer.parseUnsignedInt(asciiInteger(text)) : Integer.parseInt(asciiInteger(text));
                case LONG -> field.getType() == FieldDescriptor.Type.UINT64 || field.getType() == FieldDescriptor.Type.FIXED64
                        ? Long.parseUnsignedLong(asciiInteger(text)) : Long.parseLong(asciiInteger(text));
                case FLOAT -> Float.parseFloat(text);
                case DOUBLE -> Double.parseDouble(text);
                case BYTE_STRING -> ByteString.copyFrom(Base64.getDecoder().decode(text));
                case ENUM -> parseEnum(field.getEnumType(), text);
                case MESSAGE -> throw new AssertionError("handled above");
            };
        } catch (IllegalArgumentException e) {
            String hint = field.getJavaType() == FieldDescriptor.JavaType.ENUM ? enumMessage(field, text)
                    : "expected " + expected(field) + ", got " + describe(node, field);
            error(node, path, hint, field.getJavaType() == FieldDescriptor.JavaType.ENUM ? "yaml.enum" : "yaml.type");
            return null;
        }
    }

    private static Boolean parseBoolean(String text) {
        return switch (text) {
            case "true", "True", "TRUE" -> Boolean.TRUE;
            case "false", "False", "FALSE" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(text);
        };
    }

    /** An enum value by its name, its name prefixed by the enum's (KEY_TYPE_HASH), a yaml_alias, or its number. */
    private static EnumValueDescriptor parseEnum(EnumDescriptor type, String text) {
        EnumValueDescriptor value = EnumSpellings.of(type).get(text);
        if (value != null) {
            return value;
        }
        // A number is kept even when undefined, as protojson does; validation then reports it.
        return type.findValueByNumberCreatingIfUnknown(Integer.parseInt(asciiInteger(text)));
    }

    /**
     * {@code text} when it is a YAML integer in ASCII digits. Java's parsers also take other
     * scripts' digits (fullwidth ５, Arabic-Indic ٥), which YAML does not.
     */
    private static String asciiInteger(String text) {
        if (!ASCII_INTEGER.matcher(text).matches()) {
            throw new NumberFormatException(text);
        }
        return text;
    }

    private static String enumMessage(FieldDescriptor field, String text) {
        String accepted = field.getEnumType().getValues().stream()
                .filter(v -> v.getNumber() != 0)
                .map(v -> EnumSpellings.aliases(v).isEmpty() ? v.getName()
                        : v.getName() + " (or " + String.join(", ", EnumSpellings.aliases(v)) + ")")
                .collect(Collectors.joining(", "));
        String type = field.getEnumType().getName();
        return Text.quote(text) + " is not " + ("AEIOU".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type + "; accepted values: " + accepted;
    }

    /** The field that {@code name} is one of the {@link #names} of; null when there is none. */
    static FieldDescriptor findField(Descriptor type, String name) {
        return FIELDS_BY_NAME.computeIfAbsent(type, YamlProtoReader::fieldsByName).get(name);
    }

    /**
     * A proto name wins over another field's JSON name, and of two equal JSON names the first
     * declared wins. Built once per type: Descriptor.findFieldByName misses for every camelCase
     * name, and a miss searches the whole descriptor pool.
     */
    private static Map<String, FieldDescriptor> fieldsByName(Descriptor type) {
        Map<String, FieldDescriptor> byName = new HashMap<>();
        for (FieldDescriptor field : type.getFields()) {
            byName.put(field.getName(), field);
        }
        for (FieldDescriptor field : type.getFields()) {
            for (String name : names(field)) {
                byName.putIfAbsent(name, field);
            }
        }
        return Map.copyOf(byName);
    }

    /** The names a manifest may give {@code field}: camelCase (its JSON name) and snake_case (its proto name). */
    static List<String> names(FieldDescriptor field) {
        return field.getJsonName().equals(field.getName()) ? List.of(field.getName()) : List.of(field.getJsonName(), field.getName());
    }

    static String unknownFieldMessage(Descriptor type, String name) {
        // "{readCapacityUnits:5}" is one key, "readCapacityUnits:5": YAML needs a space after the colon.
        int colon = name.indexOf(':');
        if (!holdsSecrets(type) && colon > 0 && colon < name.length() - 1 && findField(type, name.substring(0, colon)) != null) {
            return "unknown field " + Text.quote(name) + " in " + type.getName() + ": YAML reads it as one key because there is"
                    + " no space after the colon; write " + Text.quote(name.substring(0, colon) + ": " + name.substring(colon + 1));
        }
        String nearest = null;
        int best = Integer.MAX_VALUE;
        int tolerance = Spelling.nearEnough(name);
        for (FieldDescriptor field : type.getFields()) {
            for (String candidate : List.of(field.getJsonName(), field.getName())) {
                if (Math.abs(name.length() - candidate.length()) > tolerance) {
                    continue; // too far apart to be a typo; a huge key would make the distance slow
                }
                int distance = Spelling.distance(name.toLowerCase(), candidate.toLowerCase());
                if (distance < best) {
                    best = distance;
                    nearest = field.getJsonName();
                }
            }
        }
        // In a message that holds secrets (AwsProviderConfig) the name may be a pasted credential: only its position is given.
        String message = holdsSecrets(type) ? "unknown field in " + type.getName() + " (its name is not repeated: this file holds secrets)"
                : "unknown field " + Text.quote(name) + " in " + type.getName();
        if (nearest != null && best <= tolerance) {
            return message + "; did you mean '" + nearest + "'?";
        }
        return message + "; known fields: " + type.getFields().stream().map(FieldDescriptor::getJsonName).collect(Collectors.joining(", "));
    }

    private static String expected(FieldDescriptor field) {
        return switch (field.getJavaType()) {
            case STRING -> "a string";
            case BOOLEAN -> "true or false";
            case INT, LONG -> "an integer";
            case FLOAT, DOUBLE -> "a number";
            case BYTE_STRING -> "base64 bytes";
            case ENUM -> "one of " + field.getEnumType().getName();
            case MESSAGE -> "a mapping";
        };
    }

    /** The node's shape; a scalar's text too, unless it belongs to a secret (debug_redact) or is the document itself. */
    private static String describe(Node node, FieldDescriptor field) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (isNull(node)) {
            return "null";
        }
        return field == null || holdsSecret(field) ? "a scalar" : Text.quote(((ScalarNode) node).getValue());
    }

    /** A secret (debug_redact) field, a field of a message holding one, or a message holding one. */
    private static boolean holdsSecret(FieldDescriptor field) {
        return field.getOptions().getDebugRedact() || holdsSecrets(field.getContainingType())
                || (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && holdsSecrets(field.getMessageType()));
    }

    private static boolean holdsSecrets(Descriptor type) {
        return type.getFields().stream().anyMatch(f -> f.getOptions().getDebugRedact());
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    private boolean countNode() {
        if (++nodesRead == MAX_NODES) {
            errorAt(1, 1, "", "the document expands to more than " + MAX_NODES + " nodes (through YAML aliases?)", "yaml.too_large");
        }
        return nodesRead < MAX_NODES;
    }

    private void error(Node node, String path, String message, String ruleId) {
        SourceMap.Position at = position(node);
        errorAt(at.line(), at.column(), path, message, ruleId);
    }

    private void errorAt(int line, int column, String path, String message, String ruleId) {
        errors.add(positioned ? new Diagnostic(file, line, column, path, message, ruleId)
                : new Diagnostic(file, 0, 0, path, message, ruleId));
    }

    private static SourceMap.Position position(Node node) {
        Mark mark = node.getStartMark().orElse(null);
        return mark == null ? new SourceMap.Position(1, 1) : new SourceMap.Position(mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
