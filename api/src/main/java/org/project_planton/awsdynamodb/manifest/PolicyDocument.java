package org.project_planton.awsdynamodb.manifest;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What makes a string an IAM policy document at all: one strict JSON object with a Statement. */
final class PolicyDocument {
    /** Gson's place of a syntax error, without its advice to parse leniently. */
    private static final TypeAdapter<JsonElement> ELEMENT = new Gson().getAdapter(JsonElement.class);
    private static final Pattern WHERE = Pattern.compile("line \\d+ column \\d+");
    private PolicyDocument() {}

    /** Why {@code text} is not a policy document, or null when it is one. */
    static String problem(String text) {
        JsonElement document;
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            // Strict, and through the adapter rather than JsonParser (which reads leniently): the
            // Pulumi program's class path has Gson 2.10, so nothing newer than its API is used.
            reader.setLenient(false);
            document = ELEMENT.read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                return "has text after the JSON document";
            }
        } catch (JsonParseException | IOException | IllegalStateException e) {
            Matcher where = WHERE.matcher(String.valueOf(e.getMessage()));
            return "is not valid JSON" + (where.find() ? " (" + where.group() + " of the document)" : "");
        }
        if (!document.isJsonObject()) {
            return "must be a JSON object, such as {\"Version\": \"2012-10-17\", \"Statement\": [...]}";
        }
        JsonElement statement = document.getAsJsonObject().get("Statement");
        if (statement == null || !(statement.isJsonArray() || statement.isJsonObject())) {
            return "must have a Statement: an object, or a list of them";
        }
        return null;
    }
}
