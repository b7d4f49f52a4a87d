package dev.tensorloom.model.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.SortedMap;

/**
 * The saved shape of a project, version {@link ProjectFormat#CURRENT_VERSION}: what Jackson writes and
 * what the decoder produces. Kept apart from {@link dev.tensorloom.model.doc.Document} so the file
 * format can evolve (through migrators) without touching the editing model. Every collection is a
 * map keyed by stable id, sorted so saving is deterministic.
 */
@JsonPropertyOrder({"formatVersion", "name", "graph", "layout", "training", "blocks"})
public record ProjectFile(int formatVersion, String name, GraphSection graph, SortedMap<String, LayoutEntry> layout,
        TrainingSection training, @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, BlockEntry> blocks) {

    /** Nodes, wires and groups by id. */
    @JsonPropertyOrder({"nodes", "wires", "groups"})
    public record GraphSection(SortedMap<String, NodeEntry> nodes, SortedMap<String, WireEntry> wires,
            SortedMap<String, GroupEntry> groups) { }

    /** One node: block type, label, parameters and (optional) group id. */
    @JsonPropertyOrder({"type", "label", "group", "params"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NodeEntry(String type, String label, String group, Map<String, Object> params) { }

    /** One wire, each end written {@code node.port}. */
    @JsonPropertyOrder({"from", "to"})
    public record WireEntry(String from, String to) { }

    /** One group: {@code parent} is the group it sits in, {@code block} the saved block it was made from (both optional). */
    @JsonPropertyOrder({"label", "collapsed", "parent", "block"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GroupEntry(String label, boolean collapsed, String parent, String block) { }

    /** A saved block the project uses, embedded so the project opens where the block library lacks it. */
    @JsonPropertyOrder({"title", "graph", "layout"})
    public record BlockEntry(String title, GraphSection graph, SortedMap<String, LayoutEntry> layout) { }

    /** Where a node sits on the canvas. */
    @JsonPropertyOrder({"x", "y"})
    public record LayoutEntry(double x, double y) { }

    /** The training configuration, field by field as in {@link dev.tensorloom.model.doc.TrainingConfig}. */
    @JsonPropertyOrder({"dataset", "optimizer", "learningRate", "schedule", "warmupSteps", "weightDecay", "momentum",
        "gradientClip", "batchSize", "steps", "epochs", "evalEvery", "seed", "device", "checkpointPolicy"})
    public record TrainingSection(String dataset, String optimizer, double learningRate, String schedule,
            int warmupSteps, double weightDecay, double momentum, double gradientClip, int batchSize, int steps,
            int epochs, int evalEvery, long seed, String device, String checkpointPolicy) { }
}
