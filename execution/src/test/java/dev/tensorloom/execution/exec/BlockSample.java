package dev.tensorloom.execution.exec;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.catalog.BlockType;
import dev.tensorloom.model.catalog.PortSpec;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.DocumentBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One small, concrete instance of a block type for the gradient parity test: its parameter values and,
 * per input port, a shape and what kind of values to feed. {@link #document} wires it between dataset
 * inputs (each floating one through a trainable {@code shift}) and a probe loss on every output.
 */
final class BlockSample {
    /** What values an input port receives. */
    enum Kind { NORMAL, UNIT, BOXES, TOKENS, LABELS }

    private record Input(String port, long[] shape, Kind kind, long bound, boolean shifted) {
    }

    private final String type;
    private final String name;
    private final Object[] params;
    private final List<Input> inputs = new ArrayList<>();

    private BlockSample(String type, String name, Object[] params) {
        this.type = type;
        this.name = name;
        this.params = params;
    }

    static BlockSample of(String type, Object... params) {
        return new BlockSample(type, type, params);
    }

    /** A second sample of a type, told apart in reports by {@code variant}. */
    static BlockSample variant(String type, String variant, Object... params) {
        return new BlockSample(type, type + " (" + variant + ")", params);
    }

    String type() {
        return type;
    }

    @Override
    public String toString() {
        return name;
    }

    BlockSample normal(String port, long... shape) {
        return add(port, shape, Kind.NORMAL, 0, true);
    }

    /** Values in [0, 1), a third of them exactly 0 (probability- or IoU-like targets); fed as they are. */
    BlockSample unit(String port, long... shape) {
        return add(port, shape, Kind.UNIT, 0, false);
    }

    /** Well-formed boxes (x1, y1, x2, y2) in the last dimension of size 4. */
    BlockSample boxes(String port, long... shape) {
        return add(port, shape, Kind.BOXES, 0, true);
    }

    /** Normal values fed as they are: for inputs a block reads only for their shape or treats as data. */
    BlockSample fixedNormal(String port, long... shape) {
        return add(port, shape, Kind.NORMAL, 0, false);
    }

    /** Boxes fed as they are: for targets a loss does not differentiate. */
    BlockSample fixedBoxes(String port, long... shape) {
        return add(port, shape, Kind.BOXES, 0, false);
    }

    /** Integer ids in [0, bound). */
    BlockSample tokens(String port, long bound, long... shape) {
        return add(port, shape, Kind.TOKENS, bound, false);
    }

    /** Integer labels in [0, bound) with the last slot of every row padded as -1. */
    BlockSample labels(String port, long bound, long... shape) {
        return add(port, shape, Kind.LABELS, bound, false);
    }

    private BlockSample add(String port, long[] shape, Kind kind, long bound, boolean shifted) {
        inputs.add(new Input(port, shape, kind, bound, shifted));
        return this;
    }

    /**
     * inputs → (shift) → the block → a probe loss per output; a loss block is the graph's loss itself.
     * Every input port of the type must have a sample input (optional ones may be left out).
     */
    Document document(BlockCatalog catalog) {
        BlockType t = catalog.require(type);
        DocumentBuilder g = new DocumentBuilder().node("block", type, params);
        for (Input in : inputs) {
            if (t.inputs().stream().noneMatch(p -> p.name().equals(in.port()))) {
                throw new IllegalArgumentException(type + " has no input port '" + in.port() + "'");
            }
            String integer = in.kind() == Kind.TOKENS || in.kind() == Kind.LABELS ? "int64" : "float32";
            g.node("in_" + in.port(), "input", "field", in.port(), "dtype", integer);
            if (in.shifted()) {
                g.node("shift_" + in.port(), ParityBlocks.SHIFT)
                        .wire("in_" + in.port() + ".out", "shift_" + in.port() + ".in")
                        .wire("shift_" + in.port() + ".out", "block." + in.port());
            } else {
                g.wire("in_" + in.port() + ".out", "block." + in.port());
            }
        }
        if (t.role() != BlockType.Role.LOSS) {
            for (PortSpec out : t.outputs()) {
                g.node("probe_" + out.name(), ParityBlocks.PROBE_LOSS).wire("block." + out.name(),
                        "probe_" + out.name() + ".pred");
            }
        }
        return g.build();
    }

    /** The batch: one field per input port, named after the port, from a generator seeded by {@code seed}. */
    Map<String, NDArray> batch(NDManager m, long seed) {
        Random r = new Random(seed);
        Map<String, NDArray> batch = new LinkedHashMap<>();
        for (Input in : inputs) {
            Shape shape = new Shape(in.shape());
            int n = Math.toIntExact(shape.size());
            batch.put(in.port(), switch (in.kind()) {
                case NORMAL -> m.create(floats(n, r::nextGaussian), shape);
                case UNIT -> m.create(floats(n, () -> r.nextInt(3) == 0 ? 0 : r.nextDouble()), shape);
                case BOXES -> m.create(boxes(n / 4, r), shape);
                case TOKENS -> m.create(longs(n, i -> r.nextInt((int) in.bound())), shape);
                case LABELS -> {
                    long last = shape.get(shape.dimension() - 1);
                    yield m.create(longs(n, i -> (i + 1) % last == 0 ? -1 : r.nextInt((int) in.bound())), shape);
                }
            });
        }
        return batch;
    }

    private static float[] floats(int n, java.util.function.DoubleSupplier next) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) next.getAsDouble();
        }
        return v;
    }

    private static long[] longs(int n, java.util.function.IntUnaryOperator value) {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = value.applyAsInt(i);
        }
        return v;
    }

    private static float[] boxes(int count, Random r) {
        float[] v = new float[count * 4];
        for (int b = 0; b < count; b++) {
            float x = (float) (r.nextDouble() * 0.5);
            float y = (float) (r.nextDouble() * 0.5);
            v[4 * b] = x;
            v[4 * b + 1] = y;
            v[4 * b + 2] = x + 0.2f + (float) (r.nextDouble() * 0.3);
            v[4 * b + 3] = y + 0.2f + (float) (r.nextDouble() * 0.3);
        }
        return v;
    }
}
