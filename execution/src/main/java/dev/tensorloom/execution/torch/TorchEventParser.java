package dev.tensorloom.execution.torch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the PyTorch engine's event lines. A line that is not a JSON object of protocol version
 * {@value TorchEvent#PROTOCOL}, or lacks a field its type needs, is a {@link ProtocolException} naming the
 * line number and showing the line: a truncated or garbled line is reported, never skipped.
 */
public final class TorchEventParser {
    private final ObjectMapper json = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    private long lineNumber;

    /** A line the protocol cannot read. */
    public static final class ProtocolException extends Exception {
        public ProtocolException(String message) {
            super(message);
        }
    }

    /** Parses the next line of the stream. */
    public TorchEvent parse(String line) throws ProtocolException {
        lineNumber++;
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            throw error("is not JSON (" + e.getOriginalMessage() + ")", line);
        }
        if (node == null || !node.isObject()) {
            throw error("is not a JSON object", line);
        }
        int version = node.path("v").asInt(-1);
        if (version != TorchEvent.PROTOCOL) {
            throw error("has protocol version " + node.path("v") + "; this studio reads version "
                    + TorchEvent.PROTOCOL, line);
        }
        String type = node.path("type").asText("");
        try {
            return switch (type) {
                case "started" -> new TorchEvent.Started(text(node, "device"), integer(node, "processes"),
                        integer(node, "steps"), integer(node, "batchSize"), number(node, "parameters").longValue(),
                        node.path("checkpointing").asBoolean());
                case "step" -> new TorchEvent.Step(number(node, "step").longValue(), number(node, "loss"),
                        number(node, "learningRate"), number(node, "examplesPerSecond"));
                case "evaluation" -> new TorchEvent.Evaluation(number(node, "step").longValue(), doubles(field(node, "values")));
                case "paused" -> new TorchEvent.Paused(number(node, "step").longValue());
                case "memory" -> memory(node);
                case "activation" -> activation(node);
                case "finished" -> new TorchEvent.Finished(number(node, "steps").longValue(),
                        node.path("stopped").asBoolean(), node.path("elapsedSeconds").asDouble(),
                        node.path("forwardEvaluations").asLong(), doubles(node.path("lastEvaluation")));
                case "failed" -> new TorchEvent.Failed(number(node, "step").longValue(), text(node, "message"),
                        node.hasNonNull("node") ? node.get("node").asText() : null);
                case "" -> throw error("has no type", line);
                default -> new TorchEvent.Unknown(type, line);
            };
        } catch (MissingField e) {
            throw error("(" + type + ") lacks '" + e.getMessage() + "'", line);
        }
    }

    private TorchEvent.Memory memory(JsonNode n) throws MissingField {
        Map<String, Long> saved = new LinkedHashMap<>();
        field(n, "savedBytes").fields().forEachRemaining(e -> saved.put(e.getKey(), e.getValue().asLong()));
        List<TorchEvent.Memory.Sample> samples = new ArrayList<>();
        for (JsonNode s : field(n, "samples")) {
            samples.add(new TorchEvent.Memory.Sample(s.path("phase").asText(), s.path("node").asText(), s.path("bytes").asLong()));
        }
        return new TorchEvent.Memory(number(n, "step").longValue(), text(n, "source"), text(n, "device"),
                number(n, "baselineBytes").longValue(), number(n, "peakBytes").longValue(), saved, samples);
    }

    private TorchEvent.Activation activation(JsonNode n) throws MissingField {
        JsonNode preview = field(n, "preview");
        JsonNode shapeNode = field(preview, "shape");
        long[] shape = new long[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asLong();
        }
        JsonNode valuesNode = field(preview, "values");
        float[] values = new float[valuesNode.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) valuesNode.get(i).asDouble();
        }
        return new TorchEvent.Activation(number(n, "step").longValue(), text(n, "node"), n.path("output").asInt(),
                doubles(field(n, "stats")), shape, integer(preview, "rows"), integer(preview, "cols"), values);
    }

    private ProtocolException error(String what, String line) {
        String shown = line.length() > 200 ? line.substring(0, 200) + "…" : line;
        return new ProtocolException("event line " + lineNumber + " " + what + ": " + shown);
    }

    private static Map<String, Double> doubles(JsonNode object) {
        Map<String, Double> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isNumber() ? e.getValue().asDouble()
                : parseSpecial(e.getValue().asText())));
        return out;
    }

    /** Python writes NaN and Infinity as bare words; Jackson reads them as text. */
    private static double parseSpecial(String s) {
        return switch (s) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.NaN;
        };
    }

    private static final class MissingField extends Exception {
        MissingField(String name) {
            super(name, null, false, false);
        }
    }

    private static JsonNode field(JsonNode n, String name) throws MissingField {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            throw new MissingField(name);
        }
        return v;
    }

    private static Double number(JsonNode n, String name) throws MissingField {
        JsonNode v = field(n, name);
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isTextual()) {
            return parseSpecial(v.asText());
        }
        throw new MissingField(name);
    }

    private static int integer(JsonNode n, String name) throws MissingField {
        return number(n, name).intValue();
    }

    private static String text(JsonNode n, String name) throws MissingField {
        return field(n, name).asText();
    }
}
