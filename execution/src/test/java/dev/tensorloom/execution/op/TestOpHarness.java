package dev.tensorloom.execution.op;

import static org.junit.jupiter.api.Assertions.assertSame;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.initializer.Initializer;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.catalog.BlockType;
import dev.tensorloom.model.catalog.Params;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs one {@link BlockOp} outside the executor, for op tests: it is the op's {@link OpContext}, and
 * an inner {@link ParameterInit} creates the parameters. Parameters and buffers live in a "model" manager; inputs and everything a
 * forward creates live in a child "node" manager, as in the executor, so a test can check that results
 * land in the node's manager. Close it to free both.
 *
 * <pre>
 * try (TestOpHarness h = TestOpHarness.of("linear", Map.of("out_features", 3L))) {
 *     NDArray y = h.forward(h.input(new float[] {1, 2}, 1, 2)).singletonOrThrow();
 * }
 * </pre>
 */
public final class TestOpHarness implements OpContext, AutoCloseable {
    private static final BlockCatalog CATALOG = BlockCatalog.standard();

    private final NDManager model = NDManager.newBaseManager();
    private final NDManager node = model.newSubManager();
    private final Params params;
    private final BlockOp op;
    private final Map<String, NDArray> parameters = new LinkedHashMap<>();
    private final Map<String, NDArray> buffers = new LinkedHashMap<>();
    private final Map<String, NDArray> published = new HashMap<>();
    private boolean initialized;
    private boolean training = true;
    private boolean recomputing;

    private TestOpHarness(String typeId, Map<String, Object> values) {
        BlockType type = CATALOG.require(typeId);
        params = new Params(type, values);
        op = OpRegistry.standard().find(typeId)
                .orElseThrow(() -> new IllegalArgumentException("no op for " + typeId)).create(params);
    }

    /** A harness for block type {@code typeId} with the given parameter values (defaults fill the rest). */
    public static TestOpHarness of(String typeId, Map<String, Object> values) {
        return new TestOpHarness(typeId, values);
    }

    /** A float input of the given shape in the node's manager. */
    public NDArray input(float[] values, long... shape) {
        return node.create(values, new Shape(shape));
    }

    /** An int64 input (token ids) of the given shape in the node's manager. */
    public NDArray input(long[] values, long... shape) {
        return node.create(values, new Shape(shape));
    }

    /** Calls the op's initialize for these input shapes (once; {@link #forward} does it on first use). */
    public TestOpHarness initialize(Shape... inputShapes) {
        op.initialize(new Init(), inputShapes);
        initialized = true;
        return this;
    }

    /** Runs forward, initialising from the inputs' shapes first if needed. */
    public NDList forward(NDArray... inputs) {
        if (!initialized) {
            Shape[] shapes = new Shape[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                shapes[i] = inputs[i] == null ? null : inputs[i].getShape();
            }
            initialize(shapes);
        }
        return op.forward(this, new NDList(inputs));
    }

    /** Runs forward, then backpropagates sum(output · weights) so parameters and inputs get gradients. */
    public NDArray forwardBackward(NDArray upstream, NDArray... inputs) {
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray out = forward(inputs).singletonOrThrow();
            gc.backward(out.mul(upstream).sum());
            return out;
        }
    }

    /** Replaces a parameter's values (same shape), keeping it trainable. */
    public void setParameter(String name, float... values) {
        NDArray old = parameters.get(name);
        NDArray fresh = model.create(values, old.getShape());
        fresh.setRequiresGradient(true);
        parameters.put(name, fresh);
        old.close();
    }

    /** Asserts that {@code array} belongs to the node's manager, not the parameter manager. */
    public void assertInNodeManager(NDArray array) {
        assertSame(node, array.getManager(), "result must land in the node's manager");
    }

    public TestOpHarness training(boolean value) {
        training = value;
        return this;
    }

    public TestOpHarness recomputing(boolean value) {
        recomputing = value;
        return this;
    }

    /** Reseeds the engine's generator, as the executor does before each node. */
    public void seed(int seed) {
        Engine.getInstance().setRandomSeed(seed);
    }

    public Map<String, NDArray> parameters() {
        return parameters;
    }

    public Map<String, NDArray> buffers() {
        return buffers;
    }

    public Map<String, NDArray> published() {
        return published;
    }

    public NDManager nodeManager() {
        return node;
    }

    @Override
    public Params params() {
        return params;
    }

    @Override
    public NDManager manager() {
        return node;
    }

    @Override
    public String nodeId() {
        return "n";
    }

    @Override
    public NDArray param(String name) {
        NDArray p = parameters.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no parameter '" + name + "'");
        }
        return p;
    }

    @Override
    public NDArray buffer(String name) {
        NDArray b = buffers.get(name);
        if (b == null) {
            throw new IllegalArgumentException("no buffer '" + name + "'");
        }
        return b;
    }

    @Override
    public void setBuffer(String name, NDArray value) {
        if (!recomputing) {
            buffers.put(name, value);
        }
    }

    @Override
    public boolean training() {
        return training;
    }

    @Override
    public boolean recomputing() {
        return recomputing;
    }

    @Override
    public void publish(String view, NDArray value) {
        published.put(view, value);
    }

    @Override
    public void close() {
        model.close();
    }
    /** Creates parameters and buffers in the model manager, trainable parameters with gradients on. */
    private final class Init implements ParameterInit {
        @Override
        public Params params() {
            return params;
        }

        @Override
        public NDArray parameter(String name, Shape shape, Initializer initializer) {
            return parameter(name, initializer.initialize(model, shape, DataType.FLOAT32));
        }

        @Override
        public NDArray parameter(String name, NDArray initialValue) {
            initialValue.attach(model);
            initialValue.setRequiresGradient(true);
            parameters.put(name, initialValue);
            return initialValue;
        }

        @Override
        public NDArray buffer(String name, NDArray initialValue) {
            initialValue.attach(model);
            buffers.put(name, initialValue);
            return initialValue;
        }

        @Override
        public NDManager manager() {
            return model;
        }
    }
}
