package org.project_planton.awsdynamodb.manifest;

import build.buf.protovalidate.Validator;
import build.buf.protovalidate.ValidatorFactory;
import build.buf.protovalidate.exceptions.ValidationException;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelProtoAbstractSyntaxTree;
import dev.cel.expr.CheckedExpr;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodb;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbStackInput;

/**
 * The proto's CEL rules, parsed and type-checked at build time, so that a command does not parse
 * and check them again on every run (about half of a cold {@code validate}'s CEL work).
 *
 * <p>The build step ({@link #main}) lets protovalidate itself compile the rules of every message
 * type in this API, exactly as it does at run time, and records each checked AST under its rule id
 * and expression; protovalidate's {@code AstExpression} (shadowed in this jar: see there) then takes
 * a rule from this table instead of compiling it. The rules stay as data in the {@code .proto}: the
 * table is generated from them on every build and never edited. A rule whose id and expression
 * check to different ASTs in different messages is left out (it compiles at run time, as
 * before); {@code CheckedExpressionsTest} checks that there is none, and that the table is what
 * protovalidate compiles today.
 */
public final class CheckedExpressions {
    static final String RESOURCE = "checked-expressions.bin";
    /** Set while the build step (or a test) compiles every rule: the table is neither read nor used then. */
    private static final ThreadLocal<Map<String, List<CheckedExpr>>> RECORDING = new ThreadLocal<>();
    private static final AtomicInteger COMPILED_AT_RUN_TIME = new AtomicInteger();

    private CheckedExpressions() {}

    /** Read on first use only: commands that never validate never load it. */
    private static final class Table {
        static final Map<String, byte[]> ENTRIES = read();
    }

    /** The checked AST the build compiled for this rule, or null: then protovalidate compiles it. */
    public static CelAbstractSyntaxTree lookup(String ruleId, String expression) {
        if (RECORDING.get() != null) {
            return null;
        }
        byte[] checked = Table.ENTRIES.get(key(ruleId, expression));
        if (checked == null) {
            return null;
        }
        try {
            return CelProtoAbstractSyntaxTree.fromCheckedExpr(CheckedExpr.parseFrom(checked)).getAst();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(RESOURCE + " is corrupt; rebuild the api module", e);
        }
    }

    /** protovalidate compiled this rule itself (the build step records it). */
    public static void compiled(String ruleId, String expression, CelAbstractSyntaxTree ast) {
        Map<String, List<CheckedExpr>> recording = RECORDING.get();
        if (recording == null) {
            COMPILED_AT_RUN_TIME.incrementAndGet();
            return;
        }
        CheckedExpr checked = CelProtoAbstractSyntaxTree.fromCelAst(ast).toCheckedExpr();
        List<CheckedExpr> seen = recording.computeIfAbsent(key(ruleId, expression), k -> new ArrayList<>());
        if (!seen.contains(checked)) {
            seen.add(checked);
        }
    }

    /** How many rules this JVM compiled at run time, outside the build step (0 when the table serves all). */
    static int compiledAtRunTime() {
        return COMPILED_AT_RUN_TIME.get();
    }

    /**
     * Every rule of every message type in this API, as protovalidate compiles it now, in a fresh
     * validator with the same (default) configuration as {@link CompiledRules}: each rule id and
     * expression with the distinct checked ASTs it got.
     */
    static Map<String, List<CheckedExpr>> compileAll() {
        Map<String, List<CheckedExpr>> recording = new TreeMap<>();
        RECORDING.set(recording);
        try {
            Validator validator = ValidatorFactory.newBuilder().build();
            for (Descriptor type : messageTypes()) {
                validator.validate(DynamicMessage.getDefaultInstance(type));
            }
        } catch (ValidationException e) {
            throw new IllegalStateException("validation rules failed to compile: " + e.getMessage(), e);
        } finally {
            RECORDING.remove();
        }
        return recording;
    }

    /** The table as read from the build's output. */
    static Map<String, byte[]> table() {
        return Table.ENTRIES;
    }

    /** Build step: {@code CheckedExpressions OUTPUT_DIR}; writes the table next to this class. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0], CheckedExpressions.class.getPackageName().replace('.', '/'), RESOURCE);
        Map<String, byte[]> entries = new TreeMap<>();
        compileAll().forEach((key, asts) -> {
            if (asts.size() == 1) {
                entries.put(key, deterministicBytes(asts.get(0)));
            }
        });
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(bytes)) {
            data.writeInt(entries.size());
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                data.writeUTF(entry.getKey());
                data.writeInt(entry.getValue().length);
                data.write(entry.getValue());
            }
        }
        Files.createDirectories(out.getParent());
        Files.write(out, bytes.toByteArray());
    }

    /** The message types of this API's files (not those of buf.validate or google.protobuf). */
    static List<Descriptor> messageTypes() {
        List<Descriptor> types = new ArrayList<>();
        Set<FileDescriptor> seen = new HashSet<>();
        Deque<FileDescriptor> files = new ArrayDeque<>(
                List.of(AwsDynamodb.getDescriptor().getFile(), AwsDynamodbStackInput.getDescriptor().getFile()));
        while (!files.isEmpty()) {
            FileDescriptor file = files.pop();
            if (!seen.add(file) || !file.getPackage().startsWith("org.project_planton.")) {
                continue;
            }
            files.addAll(file.getDependencies());
            Deque<Descriptor> messages = new ArrayDeque<>(file.getMessageTypes());
            while (!messages.isEmpty()) {
                Descriptor message = messages.pop();
                messages.addAll(message.getNestedTypes());
                if (!message.getOptions().getMapEntry()) {
                    types.add(message);
                }
            }
        }
        return types;
    }

    private static String key(String ruleId, String expression) {
        return ruleId + '\n' + expression;
    }

    /** Map entries in key order, so that the same rules always make the same file. */
    private static byte[] deterministicBytes(CheckedExpr checked) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            out.useDeterministicSerialization();
            checked.writeTo(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, byte[]> read() {
        Map<String, byte[]> entries = new HashMap<>();
        try (InputStream in = CheckedExpressions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return entries; // not built by Maven (an IDE run): protovalidate compiles every rule
            }
            DataInputStream data = new DataInputStream(in);
            for (int count = data.readInt(); count > 0; count--) {
                String key = data.readUTF();
                byte[] checked = new byte[data.readInt()];
                data.readFully(checked);
                entries.put(key, checked);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
