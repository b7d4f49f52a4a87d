package dev.tensorloom.execution.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** PCK@0.05 with the box normalisation, worked by hand. */
class KeypointPckTest {

    @Test
    void aJointCountsWithinFivePercentOfTheBoxesLongerSide() {
        // one figure, 3 joints spanning a box 0.4 wide and 0.2 high: the limit is 0.05 · 0.4 = 0.02
        float[] truth = {0.1f, 0.1f, 0.5f, 0.1f, 0.3f, 0.3f};
        // joint 0 off by 0.019 (counts), joint 1 by 0.021 (does not), joint 2 exact
        float[] predicted = {0.119f, 0.1f, 0.5f, 0.121f, 0.3f, 0.3f};
        KeypointPck pck = new KeypointPck();
        try (NDManager m = NDManager.newBaseManager()) {
            pck.reset();
            pck.accumulate(m.create(predicted, new Shape(1, 3, 2)), m.create(truth, new Shape(1, 3, 2)));
            // a second figure, every joint far off
            pck.accumulate(m.create(new float[] {0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f}, new Shape(1, 3, 2)),
                    m.create(truth, new Shape(1, 3, 2)));
        }
        assertEquals(2.0 / 6, pck.value(), 1e-12);
        Estimate e = pck.estimates().get(KeypointPck.NAME);
        assertEquals(2, e.examples(), "figures, not joints, are the examples");
        assertEquals(2.0 / 6, e.value(), 1e-12);
    }
}
