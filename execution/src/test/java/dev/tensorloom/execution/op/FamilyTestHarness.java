package dev.tensorloom.execution.op;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.catalog.BlockType;
import dev.tensorloom.model.catalog.Params;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs one catalog block's op outside an executor for the state-space, flow and detection tests:
 * plays both {@link ParameterInit} and {@link OpContext}, keeps parameters in a map the test can read
 * or overwrite, and owns one manager closed with the harness.
 */
public final class FamilyTestHarness implements ParameterInit, OpContext, AutoCloseable {
    private static final BlockCatalog CATALOG = BlockCatalog.standard();
    private static final OpRegistry OPS = OpRegistry.standard();

    private final NDManager manager = NDManager.newBaseManager();
    private final Params params;
    private final Map<String, NDArray> parameters = new LinkedHashMap<>();
    private final Map<String, NDArray> buffers = new LinkedHashMap<>();
    private final BlockOp op;
    private boolean training = true;

    public FamilyTestHarness(String typeId, Map<String, Object> values) {
        Engine.getInstance().setRandomSeed(1234);
        BlockType type = CATALOG.require(typeId);
        params = new Params(type, values);
        op = OPS.find(typeId).orElseThrow(() -> new AssertionError("no op for " + typeId)).create(params);
    }

    public BlockOp op() {
        return op;
    }

    /** Initializes the op for inputs of these shapes. */
    public FamilyTestHarness init(Shape... shapes) {
        op.initialize(this, shapes);
        return this;
    }

    public NDList forward(NDArray... inputs) {
        return op.forward(this, new NDList(inputs));
    }

    /** Replaces a parameter's value (kept trainable). */
    public void set(String name, NDArray value) {
        NDArray copy = value.toType(DataType.FLOAT32, true);
        copy.setRequiresGradient(true);
        parameters.put(name, copy);
    }

    public Map<String, NDArray> parameters() {
        return parameters;
    }

    public void training(boolean on) {
        training = on;
    }

    @Override
    public Params params() {
        return params;
    }

    @Override
    public NDArray parameter(String name, Shape shape, Initializer initializer) {
        NDArray a = initializer.initialize(manager, shape, DataType.FLOAT32);
        a.setRequiresGradient(true);
        parameters.put(name, a);
        return a;
    }

    @Override
    public NDArray parameter(String name, NDArray initialValue) {
        NDArray a = initialValue.toType(DataType.FLOAT32, true);
        a.attach(manager);
        a.setRequiresGradient(true);
        parameters.put(name, a);
        return a;
    }

    @Override
    public NDArray buffer(String name, NDArray initialValue) {
        NDArray a = initialValue.duplicate();
        a.attach(manager);
        buffers.put(name, a);
        return a;
    }

    @Override
    public String nodeId() {
        return "test";
    }

    @Override
    public NDArray param(String name) {
        NDArray a = parameters.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no parameter " + name);
        }
        return a;
    }

    @Override
    public NDArray buffer(String name) {
        NDArray a = buffers.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no buffer " + name);
        }
        return a;
    }

    @Override
    public void setBuffer(String name, NDArray value) {
        buffers.put(name, value);
    }

    @Override
    public NDManager manager() {
        return manager;
    }

    @Override
    public boolean training() {
        return training;
    }

    @Override
    public boolean recomputing() {
        return false;
    }

    @Override
    public void publish(String view, NDArray value) {
    }

    @Override
    public void close() {
        manager.close();
    }
}
