package org.project_planton.awsdynamodb.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import build.buf.protovalidate.Validator;
import build.buf.protovalidate.ValidatorFactory;
import com.google.protobuf.DynamicMessage;
import dev.cel.expr.CheckedExpr;
import java.io.InputStream;
import java.net.URL;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The build's table of checked CEL rules, and the shadowed protovalidate class that reads it. */
class CheckedExpressionsTest {
    private static final String AST_EXPRESSION = "build/buf/protovalidate/AstExpression.class";
    /** SHA-256 of protovalidate-java 1.3.0's own AstExpression.class, the class the shadow copies. */
    private static final String UPSTREAM_SHA256 = "de2856d54a341734382f4db6ce89259033e0ff240d6841008becbd7c6f041f84";

    @Test
    void theShadowCopiesProtovalidatesOwnClassUnchanged() throws Exception {
        List<URL> copies = Collections.list(getClass().getClassLoader().getResources(AST_EXPRESSION));
        assertEquals(2, copies.size(), "this module's AstExpression and protovalidate's: " + copies);
        URL upstream = copies.get(1);
        assertTrue(upstream.toString().contains("protovalidate-1.3.0.jar"), upstream.toString());
        byte[] bytes;
        try (InputStream in = upstream.openStream()) {
            bytes = in.readAllBytes();
        }
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertEquals(UPSTREAM_SHA256, sha256,
                "protovalidate's AstExpression changed: compare it with api/src/main/java/build/buf/protovalidate/"
                        + "AstExpression.java, carry the change over, then pin the new hash");
    }

    @Test
    void theShadowIsTheClassLoaded() throws Exception {
        URL loadedFrom = Class.forName("build.buf.protovalidate.AstExpression").getProtectionDomain().getCodeSource().getLocation();
        URL thisModule = CheckedExpressions.class.getProtectionDomain().getCodeSource().getLocation();
        assertEquals(thisModule, loadedFrom);
    }

    @Test
    void theTableIsWhatProtovalidateCompilesNow() throws Exception {
        Map<String, List<CheckedExpr>> now = CheckedExpressions.compileAll();
        assertTrue(now.size() > 40, "the proto's rules: " + now.keySet());
        List<String> ambiguous = new ArrayList<>();
        now.forEach((key, asts) -> {
            if (asts.size() != 1) {
                ambiguous.add(key);
            }
        });
        assertEquals(List.of(), ambiguous, "rule id and expression checked to different ASTs in different messages");
        Map<String, CheckedExpr> table = new TreeMap<>();
        for (Map.Entry<String, byte[]> entry : CheckedExpressions.table().entrySet()) {
            table.put(entry.getKey(), CheckedExpr.parseFrom(entry.getValue()));
        }
        assertEquals(now.keySet(), table.keySet());
        now.forEach((key, asts) -> assertEquals(asts.get(0), table.get(key), key));
    }

    @Test
    void validationCompilesNoRuleAtRunTime() throws Exception {
        int before = CheckedExpressions.compiledAtRunTime();
        Validator validator = ValidatorFactory.newBuilder().build();
        for (var type : CheckedExpressions.messageTypes()) {
            validator.validate(DynamicMessage.getDefaultInstance(type));
        }
        assertEquals(before, CheckedExpressions.compiledAtRunTime());
    }

    @Test
    void aRuleOutsideTheTableStillCompiles() {
        assertEquals(null, CheckedExpressions.lookup("no_such_rule", "this.size() > 0"));
        assertNotEquals(null, CheckedExpressions.lookup(firstKey()[0], firstKey()[1]));
    }

    private static String[] firstKey() {
        String key = CheckedExpressions.table().keySet().iterator().next();
        assertFalse(key.isEmpty());
        return key.split("\n", 2);
    }
}
