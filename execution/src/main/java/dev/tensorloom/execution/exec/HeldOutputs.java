package dev.tensorloom.execution.exec;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * What one pass holds of each step's evaluation: the sub-manager that owns its outputs and local graph, the
 * outputs, the input leaves cut off its producers' graphs, whether a graph was recorded, and the bytes the
 * ledger counts. Output shapes outlive a drop: a loss's gradient seed needs its shape after the value went.
 */
final class HeldOutputs {
    private final NDManager[] managers;
    private final NDList[] outputs;
    private final NDArray[][] leaves;
    private final boolean[] hasGraph;
    private final long[] outputBytes;
    private final Shape[][] outputShapes;
    private final ActivationLedger ledger = new ActivationLedger();

    HeldOutputs(int steps) {
        managers = new NDManager[steps];
        outputs = new NDList[steps];
        leaves = new NDArray[steps][];
        hasGraph = new boolean[steps];
        outputBytes = new long[steps];
        outputShapes = new Shape[steps][];
    }

    /** Holds step {@code i}'s result; {@code m} (null for a batch field) owns it and is closed on drop. */
    void hold(int i, NDManager m, NDList result, NDArray[] leafs, boolean graph) {
        managers[i] = m;
        outputs[i] = result;
        leaves[i] = leafs;
        outputBytes[i] = ActivationLedger.bytes(result);
        Shape[] shapes = new Shape[result.size()];
        for (int k = 0; k < shapes.length; k++) {
            shapes[k] = result.get(k).getShape();
        }
        outputShapes[i] = shapes;
        ledger.add(outputBytes[i]);
        hasGraph[i] = graph;
    }

    /** Releases a node's outputs and graph only; returns their bytes. */
    long drop(int i) {
        long bytes = outputBytes[i];
        ledger.remove(bytes);
        if (managers[i] != null) {
            managers[i].close();
        }
        managers[i] = null;
        outputs[i] = null;
        leaves[i] = null;
        hasGraph[i] = false;
        outputBytes[i] = 0;
        return bytes;
    }

    boolean holds(int i) {
        return outputs[i] != null;
    }

    /** Step {@code i}'s outputs, or null while they are not held. */
    NDList outputs(int i) {
        return outputs[i];
    }

    NDArray[] leaves(int i) {
        return leaves[i];
    }

    /** True when the held outputs carry the local graph their backward needs. */
    boolean hasGraph(int i) {
        return hasGraph[i];
    }

    NDManager manager(int i) {
        return managers[i];
    }

    long bytes(int i) {
        return outputBytes[i];
    }

    /** The shape of output {@code k} of the last evaluation of step {@code i}, held or not. */
    Shape shape(int i, int k) {
        return outputShapes[i][k];
    }

    /** Bytes of activations held now. */
    long held() {
        return ledger.held();
    }

    /** The most bytes of activations held at once during the pass. */
    long peak() {
        return ledger.peak();
    }
}
