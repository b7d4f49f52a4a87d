package dev.tensorloom.execution.op;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * An op whose forward draws random numbers that are part of what it computes (the noise and times of
 * rectified flow), not regularisation like dropout. Exposing the draws lets an export replay them: with the
 * engine generator seeded as the executor seeds it before the node, {@link #draw} gives exactly the numbers
 * the op's forward uses.
 */
public interface RandomDraws {

    /** Names of the drawn tensors, in {@link #draw}'s order. */
    List<String> drawNames();

    /** The op's draws for inputs of these shapes, from the engine generator as it stands. */
    NDList draw(NDManager manager, Shape[] inputShapes);
}
