package dev.tensorloom.execution.op.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import dev.tensorloom.execution.op.BlockOp;
import dev.tensorloom.execution.op.OpContext;
import dev.tensorloom.execution.op.OpRegistry;
import dev.tensorloom.execution.op.ParameterInit;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.catalog.Params;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Runs one block's op outside an executor: it is the op's {@link ParameterInit} and {@link OpContext},
 * keeps parameters in one manager, lets tests overwrite them, and records published views.
 */
public final class TransformerTestHarness implements ParameterInit, OpContext, AutoCloseable {
    private static final BlockCatalog CATALOG = BlockCatalog.standard();
    private final NDManager manager = NDManager.newBaseManager();
    private final Map<String, NDArray> parameters = new LinkedHashMap<>();
    private final Map<String, NDArray> buffers = new HashMap<>();
    private final Map<String, NDArray> published = new HashMap<>();
    private final Params params;
    private final BlockOp op;
    private boolean training;

    public TransformerTestHarness(String typeId, Map<String, Object> values) {
        this.params = new Params(CATALOG.require(typeId), values);
        this.op = OpRegistry.standard().find(typeId).orElseThrow().create(params);
    }

    /** Creates the op's parameters for these input shapes. */
    public TransformerTestHarness initialize(Shape... inputShapes) {
        op.initialize(this, inputShapes);
        return this;
    }

    public NDList forward(NDArray... inputs) {
        NDList list = new NDList(inputs.length);
        for (NDArray a : inputs) {
            list.add(a);
        }
        return op.forward(this, list);
    }

    public NDArray forward1(NDArray... inputs) {
        return forward(inputs).singletonOrThrow();
    }

    public void training(boolean on) {
        training = on;
    }

    /** Replaces every parameter by uniform values in [−scale, scale] so biases and gains are not trivial. */
    public void randomizeParameters(Random rnd, double scale) {
        for (String name : parameters.keySet().toArray(String[]::new)) {
            NDArray old = parameters.get(name);
            float[] v = new float[Math.toIntExact(old.size())];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) ((rnd.nextDouble() * 2 - 1) * scale);
            }
            set(name, v);
        }
    }

    /** Overwrites a parameter's values (the shape stays). */
    public void set(String name, float[] values) {
        NDArray old = parameters.get(name);
        NDArray fresh = manager.create(values, old.getShape());
        fresh.setRequiresGradient(true);
        parameters.put(name, fresh);
    }

    public float[] values(String name) {
        return parameters.get(name).toFloatArray();
    }

    public Map<String, NDArray> parameters() {
        return parameters;
    }

    public NDArray published(String view) {
        return published.get(view);
    }

    public NDArray input(float[] values, long... shape) {
        return manager.create(values, new Shape(shape));
    }

    public static float[] random(Random rnd, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        return v;
    }

    @Override
    public Params params() {
        return params;
    }

    @Override
    public NDArray parameter(String name, Shape shape, Initializer initializer) {
        return parameter(name, initializer.initialize(manager, shape, DataType.FLOAT32));
    }

    @Override
    public NDArray parameter(String name, NDArray initialValue) {
        initialValue.setRequiresGradient(true);
        if (parameters.putIfAbsent(name, initialValue) != null) {
            throw new IllegalStateException("parameter '" + name + "' created twice");
        }
        return initialValue;
    }

    @Override
    public NDArray buffer(String name, NDArray initialValue) {
        buffers.put(name, initialValue);
        return initialValue;
    }

    @Override
    public String nodeId() {
        return "node";
    }

    @Override
    public NDArray param(String name) {
        NDArray a = parameters.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no parameter '" + name + "'");
        }
        return a;
    }

    @Override
    public NDArray buffer(String name) {
        return buffers.get(name);
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
        published.put(view, value);
    }

    @Override
    public void close() {
        manager.close();
    }
}
