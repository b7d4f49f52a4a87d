package dev.tensorloom.execution.export;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.tensorloom.execution.compile.InputRef;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.compile.Step;
import dev.tensorloom.execution.data.HostArray;
import dev.tensorloom.execution.exec.NodeSeed;
import dev.tensorloom.execution.exec.ParameterStore;
import dev.tensorloom.execution.op.OpContext;
import dev.tensorloom.model.catalog.BlockType;
import dev.tensorloom.model.catalog.Params;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The gradients of a one-block case's training loss with respect to the block's floating-point inputs, in
 * the studio's engine. The executor stops gradients at dataset fields, so the block's op runs here once
 * more on its own, from the same parameters, batch and random seed, with the loss the case's graph adds
 * (the block itself when it is a loss, else the sum of one {@code mse} per output against its target).
 * Without these, a block with no parameters (most losses, box heads, pooling) would only have its
 * forward checked.
 */
final class InputGradients {
    /** Key prefix of an input gradient in case.safetensors and in the reported errors. */
    static final String PREFIX = "grad.input.";

    private InputGradients() {
    }

    /** Gradient of each floating input field of the block, keyed {@code grad.input.<field>}. */
    static Map<String, HostArray> of(Plan plan, ParameterStore store, int blockIndex, Map<String, NDArray> batch,
            long seed) {
        Step block = plan.step(blockIndex);
        Map<String, HostArray> out = new LinkedHashMap<>();
        boolean gradBefore = JniUtils.isGradMode();
        try (NDManager m = store.manager().newSubManager()) {
            NDList inputs = new NDList();
            Map<String, NDArray> leaves = new LinkedHashMap<>();
            for (Optional<InputRef> ref : block.inputs()) {
                if (ref.isEmpty()) {
                    inputs.add(null);
                    continue;
                }
                String field = plan.step(ref.get().step()).field();
                NDArray leaf = batch.get(field).duplicate();
                leaf.attach(m);
                if (leaf.getDataType().isFloating()) {
                    leaf.setRequiresGradient(true);
                    leaves.put(field, leaf);
                }
                inputs.add(leaf);
            }
            JniUtils.setGradMode(true);
            Engine.getInstance().setRandomSeed(NodeSeed.of(seed, 0, blockIndex));
            NDList outputs = block.op().forward(new Context(block, store, m), inputs);
            NDArray loss = block.type().role() == BlockType.Role.LOSS ? outputs.get(0) : meanSquaredErrors(block,
                    outputs, batch);
            JniUtils.backward((PtNDArray) loss, (PtNDArray) m.ones(loss.getShape(), loss.getDataType()), false, false);
            leaves.forEach((field, leaf) -> {
                NDArray g = JniUtils.getGradient((PtNDArray) leaf);
                long[] shape = leaf.getShape().getShape();
                out.put(PREFIX + field, g == null ? HostArray.ofFloats(new float[(int) leaf.size()], shape)
                        : HostArray.ofFloats(g.toType(DataType.FLOAT32, false).toFloatArray(), shape));
            });
        } finally {
            JniUtils.setGradMode(gradBefore);
        }
        return out;
    }

    /** Σ over the outputs of mean((output − target)²), as the case's mse nodes compute it. */
    private static NDArray meanSquaredErrors(Step block, NDList outputs, Map<String, NDArray> batch) {
        NDArray sum = null;
        for (int k = 0; k < outputs.size(); k++) {
            NDArray target = batch.get("target_" + block.type().outputs().get(k).name());
            NDArray term = outputs.get(k).sub(target).square().mean();
            sum = sum == null ? term : sum.add(term);
        }
        return sum;
    }

    /** The op's view of its node outside the executor: parameters from the store, buffer updates dropped. */
    private record Context(Step step, ParameterStore store, NDManager manager) implements OpContext {
        @Override
        public String nodeId() {
            return step.nodeId();
        }

        @Override
        public Params params() {
            return step.params();
        }

        @Override
        public NDArray param(String name) {
            return store.node(step.nodeId()).parameters().get(name);
        }

        @Override
        public NDArray buffer(String name) {
            return store.node(step.nodeId()).buffers().get(name);
        }

        @Override
        public void setBuffer(String name, NDArray value) {
            // the executor's step already updated the running statistics once
        }

        @Override
        public boolean training() {
            return true;
        }

        @Override
        public boolean recomputing() {
            return false;
        }

        @Override
        public void publish(String view, NDArray value) {
            // views are for the studio's panels, not for gradients
        }
    }
}
