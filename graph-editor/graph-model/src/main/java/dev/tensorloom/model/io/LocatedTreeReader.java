package dev.tensorloom.model.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;

/**
 * Parses JSON text into a Jackson tree while filling a {@link SourceMap}, so later checks can say
 * where in the file a problem is. Integers become {@link LongNode} and decimals {@link DoubleNode},
 * which keeps the saved distinction between {@code 64} and {@code 64.0}.
 */
final class LocatedTreeReader {
    private static final JsonFactory FACTORY = ProjectFormat.readerFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SourceMap map;

    private LocatedTreeReader(SourceMap map) {
        this.map = map;
    }

    /** The root value, or a {@link FormatProblem}/{@link IOException} (Jackson's carry their location). */
    static JsonNode read(String text, SourceMap map) throws IOException {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new LocatedProblem("the file is empty", p.currentLocation());
            }
            JsonNode root;
            try {
                root = new LocatedTreeReader(map).value(p, first);
            } catch (StreamConstraintsException tooDeep) {
                // Jackson's constraint errors carry no location; the parser still knows where it is.
                throw new LocatedProblem("nested too deeply or a value too long (at most "
                        + ProjectFormat.MAX_NESTING_DEPTH + " levels of nesting)", p.currentLocation());
            }
            if (p.nextToken() != null) {
                throw new LocatedProblem("unexpected content after the end of the model", p.currentTokenLocation());
            }
            return root;
        }
    }

    private JsonNode value(JsonParser p, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                map.container(object, p.currentTokenLocation());
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken next = p.nextToken();
                    map.value(object, name, p.currentTokenLocation());
                    object.set(name, value(p, next));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                map.container(array, p.currentTokenLocation());
                JsonToken next;
                while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
                    map.value(array, Integer.toString(array.size()), p.currentTokenLocation());
                    array.add(value(p, next));
                }
                return array;
            }
            case VALUE_STRING:
                return TextNode.valueOf(p.getText());
            case VALUE_NUMBER_INT:
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    throw new LocatedProblem("number " + p.getText() + " is too large", p.currentTokenLocation());
                }
                return LongNode.valueOf(p.getLongValue());
            case VALUE_NUMBER_FLOAT: {
                double d = p.getDoubleValue();
                if (!Double.isFinite(d)) {
                    throw new LocatedProblem("number " + p.getText() + " is too large", p.currentTokenLocation());
                }
                return DoubleNode.valueOf(d);
            }
            case VALUE_TRUE:
                return BooleanNode.TRUE;
            case VALUE_FALSE:
                return BooleanNode.FALSE;
            case VALUE_NULL:
                return NullNode.getInstance();
            default:
                throw new LocatedProblem("unexpected " + token, p.currentTokenLocation());
        }
    }

    /** A problem found while reading the text itself, where the location is known directly. */
    static final class LocatedProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient JsonLocation location;

        LocatedProblem(String message, JsonLocation location) {
            super(message, null, false, false);
            this.location = location;
        }

        JsonLocation location() {
            return location;
        }
    }
}
