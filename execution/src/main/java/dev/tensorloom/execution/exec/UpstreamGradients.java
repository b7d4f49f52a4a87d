package dev.tensorloom.execution.exec;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.tensorloom.execution.compile.Plan;

/**
 * The gradients that have reached each step's outputs from its consumers during one backward, each step's under
 * its own sub-manager so they go the moment that step's backward is done, and the bytes they take meanwhile.
 */
final class UpstreamGradients {
    private final Plan plan;
    private final NDManager stepManager;
    private final NDArray[][] upstream;
    private final NDManager[] managers;
    private long bytes;

    UpstreamGradients(Plan plan, NDManager stepManager) {
        this.plan = plan;
        this.stepManager = stepManager;
        upstream = new NDArray[plan.size()][];
        managers = new NDManager[plan.size()];
    }

    /** Seeds output 0 of step {@code i} (a loss) with ones: the gradient of the loss with respect to itself. */
    void seedOnes(int i, Shape shape, DataType type) {
        accumulate(i, 0, manager(i).ones(shape, type));
    }

    /** Adds a gradient into the upstream slot of output {@code output} of step {@code producer}. */
    void accumulate(int producer, int output, NDArray grad) {
        NDManager gm = manager(producer);
        if (upstream[producer] == null) {
            upstream[producer] = new NDArray[plan.step(producer).outputCount()];
        }
        NDArray slot = upstream[producer][output];
        if (slot == null) {
            grad.attach(gm);
            upstream[producer][output] = grad;
            bytes += ActivationLedger.bytes(grad);
        } else {
            NDArray sum = slot.add(grad);
            sum.attach(gm);
            slot.close();
            grad.close();
            upstream[producer][output] = sum;
        }
    }

    /** The gradients of step {@code i}'s outputs (an entry is null where none arrived), or null if none did. */
    NDArray[] of(int i) {
        return upstream[i];
    }

    /** Closes step {@code i}'s gradients. */
    void release(int i) {
        if (managers[i] != null) {
            for (NDArray g : upstream[i] == null ? new NDArray[0] : upstream[i]) {
                bytes -= ActivationLedger.bytes(g);
            }
            managers[i].close();
            managers[i] = null;
        }
        upstream[i] = null;
    }

    /** Bytes of gradients held now. */
    long bytes() {
        return bytes;
    }

    private NDManager manager(int i) {
        if (managers[i] == null) {
            managers[i] = stepManager.newSubManager();
        }
        return managers[i];
    }
}
