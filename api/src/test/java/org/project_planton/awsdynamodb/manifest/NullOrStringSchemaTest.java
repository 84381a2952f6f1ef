package org.project_planton.awsdynamodb.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * The manifest reader's schema answers "null?" exactly as YAML's Core schema does, for plain
 * and for quoted scalars: it is the reader's only use of a resolved tag.
 */
class NullOrStringSchemaTest {
    private static final ScalarResolver CORE = new CoreSchema().getScalarResolver();
    private static final ScalarResolver NULL_OR_STRING = NullOrStringSchema.INSTANCE.getScalarResolver();

    /** Every string of up to one character (every UTF-16 unit), up to two over a small alphabet, and more. */
    private static Set<String> values() {
        Set<String> values = new LinkedHashSet<>();
        values.add("");
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            values.add(String.valueOf(c));
        }
        String alphabet = " ~nNuUlL\t\n\r\u0000\u00a0\u3000.0+-eE$<{}\"'#:_";
        for (char a : alphabet.toCharArray()) {
            for (char b : alphabet.toCharArray()) {
                values.add("" + a + b);
            }
        }
        // null in every mix of cases, padded and joined with its neighbours
        for (int mask = 0; mask < 16; mask++) {
            StringBuilder word = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                char c = "null".charAt(i);
                word.append((mask & (1 << i)) != 0 ? Character.toUpperCase(c) : c);
            }
            for (String around : List.of("", " ", "\t", "\n", "\r\n", "~", "\u0000")) {
                values.add(word + around);
                values.add(around + word);
            }
        }
        values.addAll(List.of("~~", "  ", " ~", "~ ", "null null", "nul", "nulll", "None", "none", "nil", "Nil", "NaN",
                ".nan", ".NaN", ".inf", "-.inf", "+.INF", "true", "True", "TRUE", "false", "yes", "no", "on", "off", "Y", "n",
                "0", "-1", "+7", "0o17", "0x1F", "1e3", "1.5", ".5", "5.", "-0.0", "<<", "${HOME}", "${A:-b}", "$", "~null",
                "ｎｕｌｌ", "NULL\u200b", "\ufeffnull", "\u00a0", "\u2028", "orders", "PAY_PER_REQUEST"));
        // random short strings over the alphabet most likely to matter
        Random random = new Random(12);
        String near = " ~nNuUlL\t0.-+$";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int n = random.nextInt(7); n > 0; n--) {
                s.append(near.charAt(random.nextInt(near.length())));
            }
            values.add(s.toString());
        }
        return values;
    }

    @Test
    void answersNullExactlyWhereTheCoreSchemaDoes() {
        List<String> differences = new ArrayList<>();
        int nulls = 0;
        for (String value : values()) {
            for (boolean implicit : new boolean[] {true, false}) {
                boolean core = CORE.resolve(value, implicit).equals(Tag.NULL);
                Tag ours = NULL_OR_STRING.resolve(value, implicit);
                if (core != ours.equals(Tag.NULL)) {
                    differences.add((implicit ? "plain " : "quoted ") + Text.quote(value) + ": Core null=" + core);
                }
                assertTrue(ours.equals(Tag.NULL) || ours.equals(Tag.STR), () -> "null or str only: " + ours);
                nulls += core ? 1 : 0;
            }
        }
        assertEquals(List.of(), differences);
        assertEquals(6, nulls, "the Core schema's null spellings: \"\", ~, null, Null, NULL and \" \"");
    }

    @Test
    void composesTheSameNullsAsTheCoreSchemaInADocument() {
        String yaml = """
                a: ~
                b: null
                c: 'null'
                d: "~"
                e:
                f: [null, Null, NULL, ~, '', "", x, !!null y, !!str null, !!null '']
                g: {k: ~, null: v, ~: w}
                h: |
                  null
                i: nulls
                ? ~
                """;
        assertEquals(nullScalars(yaml, new CoreSchema()), nullScalars(yaml, NullOrStringSchema.INSTANCE));
        assertEquals(14, nullScalars(yaml, NullOrStringSchema.INSTANCE).stream().filter(s -> s.endsWith("null=true")).count());
    }

    /** Where each scalar of {@code yaml} is, and whether it composes to a null under {@code schema}. */
    private static List<String> nullScalars(String yaml, Schema schema) {
        LoadSettings settings = LoadSettings.builder().setSchema(schema).build();
        List<String> out = new ArrayList<>();
        DepthLimitedComposer composer = DepthLimitedComposer.of(settings, yaml);
        assertTrue(composer.hasNext());
        collect(composer.next(), out);
        return out;
    }

    private static void collect(Node node, List<String> out) {
        if (node instanceof ScalarNode scalar) {
            String at = scalar.getStartMark().map(m -> m.getLine() + 1 + ":" + (m.getColumn() + 1)).orElse("?");
            out.add(at + " null=" + scalar.getTag().equals(Tag.NULL));
        } else if (node instanceof SequenceNode list) {
            list.getValue().forEach(item -> collect(item, out));
        } else if (node instanceof MappingNode mapping) {
            for (NodeTuple entry : mapping.getValue()) {
                collect(entry.getKeyNode(), out);
                collect(entry.getValueNode(), out);
            }
        }
    }
}
