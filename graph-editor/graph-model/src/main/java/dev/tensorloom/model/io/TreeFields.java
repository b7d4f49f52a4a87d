package dev.tensorloom.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed reads of fields of a JSON object that fail with a {@link FormatProblem} naming the field,
 * its expected type and the path to it. Absent fields (and, for optional ones, null) give the default.
 */
final class TreeFields {
    private final ObjectNode object;
    private final String path;

    TreeFields(ObjectNode object, String path) {
        this.object = object;
        this.path = path;
    }

    ObjectNode node() {
        return object;
    }

    /** The named child object, or an empty one if absent. */
    TreeFields object(String name, boolean required) {
        JsonNode v = present(name, required);
        if (v == null) {
            return new TreeFields(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), where(name));
        }
        if (!(v instanceof ObjectNode o)) {
            throw wrongType(name, "an object", v);
        }
        return new TreeFields(o, where(name));
    }

    String text(String name, String fallback) {
        JsonNode v = present(name, fallback == null);
        if (v == null) {
            return fallback;
        }
        if (!v.isTextual()) {
            throw wrongType(name, "text", v);
        }
        return v.textValue();
    }

    /** Text or null; null is a legal value (for example "no group"). */
    String nullableText(String name) {
        JsonNode v = object.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw wrongType(name, "text or null", v);
        }
        return v.textValue();
    }

    boolean bool(String name, boolean fallback) {
        JsonNode v = present(name, false);
        if (v == null) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw wrongType(name, "true or false", v);
        }
        return v.booleanValue();
    }

    double number(String name, Double fallback) {
        JsonNode v = present(name, fallback == null);
        if (v == null) {
            return fallback;
        }
        if (!v.isNumber()) {
            throw wrongType(name, "a number", v);
        }
        return v.doubleValue();
    }

    long whole(String name, long fallback, long min, long max) {
        JsonNode v = present(name, false);
        if (v == null) {
            return fallback;
        }
        if (!v.isIntegralNumber()) {
            throw wrongType(name, "a whole number", v);
        }
        long value = v.longValue();
        if (value < min || value > max) {
            throw problem(name, "must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    /** Names of the fields, in file order. */
    List<String> names() {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    FormatProblem problem(String name, String message) {
        return new FormatProblem(where(name) + " " + message, object, name);
    }

    /** A problem at the field whose message stands alone (it names the id itself). */
    FormatProblem fail(String name, String message) {
        return new FormatProblem(message, object, name);
    }

    String where(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private JsonNode present(String name, boolean required) {
        JsonNode v = object.get(name);
        if (v == null || (v.isNull() && !required)) {
            if (required) {
                throw new FormatProblem("missing '" + where(name) + "'", object, null);
            }
            return null;
        }
        return v;
    }

    private FormatProblem wrongType(String name, String expected, JsonNode actual) {
        return problem(name, "must be " + expected + ", not " + describe(actual));
    }

    static String describe(JsonNode v) {
        if (v.isTextual()) {
            String t = v.textValue();
            return "text \"" + (t.length() > 20 ? t.substring(0, 20) + "…" : t) + "\"";
        }
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "a list";
        }
        if (v.isNull()) {
            return "null";
        }
        return v.toString();
    }
}
