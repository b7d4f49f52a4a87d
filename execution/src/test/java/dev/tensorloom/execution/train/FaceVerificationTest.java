package dev.tensorloom.execution.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The verification threshold is the one that calls the most validation pairs right. */
class FaceVerificationTest {

    @Test
    void thresholdSeparatesSameFromDifferentWhereItCan() {
        double[] similarity = {0.9, 0.8, 0.75, 0.3, 0.2, 0.6};
        boolean[] same = {true, true, true, false, false, false};
        // at 0.75: the three same pairs are at or above, the three different below: all six right
        assertEquals(0.75, FaceVerification.bestThreshold(similarity, same), 0);
    }

    @Test
    void overlappingSimilaritiesGiveTheBestCompromise() {
        double[] similarity = {0.9, 0.5, 0.7, 0.6};
        boolean[] same = {true, true, false, false};
        // 0.9: 3 right (0.5 same called different, 0.7 and 0.6 right); 0.5: 2 right; 0.7: 2 right; 0.6: 1 right
        assertEquals(0.9, FaceVerification.bestThreshold(similarity, same), 0);
    }
}
