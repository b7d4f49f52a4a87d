package dev.tensorloom.execution.exec;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import dev.tensorloom.execution.compile.InputRef;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.compile.Step;
import dev.tensorloom.execution.op.flow.InvertibleOp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Draws samples from a trained normalizing flow: z ~ N(0, I), then the inverse of every flow step from
 * the {@code flow_nll} loss's {@code z} input back to the data input, in reverse order. The flow is the
 * chain reached by following each step's first input upstream; every step on it must be invertible.
 */
public final class FlowSampler {
    private final Plan plan;
    private final ParameterStore store;
    private final List<Step> chain;
    private final int dimension;

    /** The flow feeding the plan's {@code flow_nll} loss; the store must hold trained (initialised) parameters. */
    public FlowSampler(Plan plan, ParameterStore store) {
        this.plan = plan;
        this.store = store;
        Step loss = plan.lossSteps().stream().filter(s -> s.type().id().equals("flow_nll")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the graph has no flow_nll loss to sample from"));
        List<Step> steps = new ArrayList<>();
        InputRef ref = loss.inputs().get(0).orElseThrow(() -> new IllegalArgumentException(
                loss.nodeId() + ": input z is not connected"));
        Step s = plan.step(ref.step());
        while (!s.isSource()) {
            if (!(s.op() instanceof InvertibleOp) || ref.output() != 0) {
                throw new IllegalArgumentException(s.nodeId() + " (" + s.type().id()
                        + ") is not an invertible flow step, so the flow cannot be sampled");
            }
            if (!store.isInitialized(s.nodeId())) {
                throw new IllegalStateException(s.nodeId() + " has no parameters yet: train (or evaluate) first");
            }
            steps.add(s);
            ref = s.inputs().get(0).orElseThrow();
            s = plan.step(ref.step());
        }
        this.chain = List.copyOf(steps);
        this.dimension = dataDimension(s);
    }

    /** The features D of one sample. */
    public int dimension() {
        return dimension;
    }

    /** {@code count} samples as a row-major [count, D] array; the same seed gives the same samples. */
    public float[] sample(int count, long seed) {
        return run(m -> {
            Engine.getInstance().setRandomSeed((int) seed);
            return m.randomNormal(0, 1, new Shape(count, dimension), DataType.FLOAT32);
        });
    }

    /**
     * The data points whose latent codes are {@code z} (row-major [count, D]): what {@link #sample} does with
     * its Gaussian draws, for codes chosen by the caller.
     */
    public float[] inverse(float[] z, int count) {
        if (z.length != (long) count * dimension) {
            throw new IllegalArgumentException("expected " + count + " × " + dimension + " latent values, got " + z.length);
        }
        return run(m -> m.create(z, new Shape(count, dimension)));
    }

    private float[] run(Function<NDManager, NDArray> latent) {
        boolean grad = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try (NDManager m = NDManager.newBaseManager(plan.device())) {
            NDArray x = latent.apply(m);
            // chain runs from the loss back to the data, which is the order the inverses apply in
            for (Step step : chain) {
                try (NDManager node = m.newSubManager()) {
                    NDArray next = ((InvertibleOp) step.op()).inverse(new NodeContext(step, store, node, false, false), x);
                    next.attach(m);
                    x = next;
                }
            }
            return x.toFloatArray();
        } finally {
            JniUtils.setGradMode(grad);
        }
    }

    /** The last dimension of the data input's declared shape, e.g. 2 for {@code [B, 2]}. */
    private static int dataDimension(Step source) {
        String shape = source.params().getString("shape").replaceAll("[\\[\\]\\s]", "");
        String[] dims = shape.split(",");
        try {
            return Integer.parseInt(dims[dims.length - 1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source.nodeId() + ": the flow's input needs a fixed feature size, got "
                    + source.params().getString("shape"), e);
        }
    }
}
